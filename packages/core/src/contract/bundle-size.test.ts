/**
 * Tree-shaking of the contract, measured the way an app pays for it (esbuild, minified, browser,
 * gzip -9) on these sources with the build's own plugin (scripts/mark-pure.ts): an app pays for
 * the schemas it imports, and a client that imports the request tables pays for no response
 * schema. `npm run bench` prints the same on the built package.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { markPure, markPurePlugin } from '../../scripts/mark-pure.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const kB = 1024;

/** The minified browser bundle of `contents` (imports resolved from the package root), gzipped. */
const bundle = async (contents: string) => {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    plugins: [markPurePlugin()],
  });
  const code = result.outputFiles[0]!.text;
  return { code, gz: gzipSync(code, { level: 9 }).length };
};

/** Text that only response schemas and endpoint documentation hold, never a request. */
const RESPONSE_ONLY = ['decisionDueAt', 'Liveness and readiness of the server'];

describe('markPure', () => {
  const PURE = '/* @__PURE__ */ ';

  it('marks every call made while the module loads, nested ones included', () => {
    expect(markPure('export const Id = z.string().check(z.minLength(1));')).toBe(
      `export const Id = ${PURE}${PURE}z.string().check(${PURE}z.minLength(1));`,
    );
    expect(markPure('const Page = { limit: z.optional(z.number()) };')).toBe(
      `const Page = { limit: ${PURE}z.optional(${PURE}z.number()) };`,
    );
  });

  it('leaves function bodies, `let` and statements alone: they may be run for their effect', () => {
    const untouched = [
      'export const Text = (max: number) => z.string().check(z.maxLength(max));',
      'let count = next();',
      'register(schema);',
      'export function make() { return z.string(); }',
    ];
    for (const source of untouched) expect(markPure(source)).toBe(source);
  });
});

describe('bundle size of the contract (esbuild, minified, browser, gzip -9)', () => {
  it('a path helper costs no schema at all', async () => {
    const { gz } = await bundle(
      `import { buildPath } from './src/index.ts'; console.log(buildPath);`,
    );
    expect(gz).toBeLessThan(1 * kB);
  }, 30_000);

  it('constants and rules next to the schemas cost no zod', async () => {
    // SKILL_LEVELS sits in the module of the partner schemas, SKILLS_WEIGHT in a rule importing it;
    // a list query spreading a shared object once kept every schema there, and zod, alive.
    const { code, gz } = await bundle(
      `import { SKILL_LEVELS, SKILLS_WEIGHT, MANUAL_REJECTION_CODES, isPartnerRole } from './src/index.ts';
       console.log(SKILL_LEVELS, SKILLS_WEIGHT, MANUAL_REJECTION_CODES, isPartnerRole);`,
    );
    expect(code).not.toContain('_zod');
    expect(gz).toBeLessThan(1 * kB);
  }, 30_000);

  it('the request checks and their interpreter cost no zod', async () => {
    const { code } = await bundle(
      `import { issuesOf } from './src/index.ts'; import { requestChecks } from './dist/request-checks.js';
       console.log(issuesOf(requestChecks['registrations.submit'].body, {}));`,
    );
    expect(code).not.toContain('_zod');
  }, 30_000);

  it('one schema costs zod and what it is built from, not the contract', async () => {
    const one = await bundle(
      `import { SubmitRegistrationInput } from './src/index.ts'; console.log(SubmitRegistrationInput);`,
    );
    const all = await bundle(`import { endpoints } from './src/index.ts'; console.log(endpoints);`);
    for (const text of RESPONSE_ONLY) expect(one.code).not.toContain(text);
    for (const text of RESPONSE_ONLY) expect(all.code).toContain(text);
    // Measured 2026-11-23: one schema 7.8 kB gz (zod/mini itself ~7 kB), every endpoint 15.4 kB.
    expect(one.gz).toBeLessThan(all.gz - 6 * kB);
  }, 30_000);

  it('the request tables hold no response schema and no documentation', async () => {
    const requests = await bundle(
      `import { requests } from './src/index.ts'; console.log(requests);`,
    );
    for (const text of RESPONSE_ONLY) expect(requests.code).not.toContain(text);
    // Measured 2026-11-23: 11.2 kB gz, zod/mini included.
    expect(requests.gz).toBeLessThan(12 * kB);
  }, 30_000);
});
