// Browser bundle cost of the contract: what an app pays, minified and gzipped, for what it imports.
// Compares zod/mini (what core uses) with zod 4 classic for the same realistic schema.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const core = new URL('../dist/index.js', import.meta.url).pathname;

const submissionShape = (mini) => `
  const Id = z.string()${mini ? '.check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/))' : '.min(1).max(64).regex(/^[A-Za-z0-9_-]+$/)'};
  const Money = z.object({ amount: z.number()${mini ? '.check(z.gte(0))' : '.gte(0)'}, currency: z.string()${mini ? '.check(z.regex(/^[A-Z]{3}$/))' : '.regex(/^[A-Z]{3}$/)'} });
  export const Submit = z.object({
    accountId: Id,
    products: z.array(z.string()${mini ? '.check(z.minLength(1))' : '.min(1)'})${mini ? '.check(z.minLength(1))' : '.min(1)'},
    estimatedValue: Money,
    expectedCloseDate: z.iso.date(),
    notes: z.optional(z.string()${mini ? '.check(z.maxLength(4000))' : '.max(4000)'}),
  });
  console.log(Submit.safeParse(globalThis.input).success);`;

const entries = {
  'zod 4 classic, one realistic schema': `import * as z from 'zod';${submissionShape(false)}`,
  'zod/mini, the same schema': `import * as z from 'zod/mini';${submissionShape(true)}`,
  '@openprm/core: SubmitRegistrationInput': `import { SubmitRegistrationInput } from '${core}';
    console.log(SubmitRegistrationInput.safeParse(globalThis.input).success);`,
  '@openprm/core: the request tables (what the SDK uses)': `import { requests } from '${core}';
    console.log(Object.keys(requests).length);`,
  '@openprm/core: the endpoint contract (every schema)': `import { endpoints } from '${core}';
    console.log(Object.keys(endpoints).length);`,
  '@openprm/core: everything (contract, rules, OpenAPI generator)': `import * as core from '${core}';
    console.log(Object.keys(core).length);`,
};

const sizeOf = async (contents) => {
  const result = await build({
    stdin: { contents, resolveDir: new URL('.', import.meta.url).pathname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
};

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const rows = [];
for (const [label, contents] of Object.entries(entries)) rows.push([label, await sizeOf(contents)]);
const baseline = rows[0][1].gz;
console.log('Browser bundle size (esbuild, minified, gzip -9); ratio against zod 4 classic:');
for (const [label, { min, gz }] of rows) {
  console.log(
    `  ${label.padEnd(64)} ${kb(min).padStart(9)} min  ${kb(gz).padStart(8)} gz  ${(gz / baseline).toFixed(2)}×`,
  );
}
