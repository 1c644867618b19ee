// What a page pays for each entry of @openprm/elements, all-in (Lit, the SDK, the contract's
// request checks): bundled by esbuild for the browser, minified, gzipped. Both `bench/run.mjs`
// and `bench/bundle-size.node.test.ts` measure the built package (dist/), which is what ships:
// its templates are squeezed (scripts/minify-templates.ts) and its languages split off.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const packageDir = new URL('..', import.meta.url).pathname;

/** 1 kB = 1,000 bytes, as bundle-size tools (bundlephobia, size-limit) count. */
export const KB = 1000;

/**
 * The budgets of issue "Bundle size per element entry, all-in": the registration form ≤ 30 kB
 * min+gz, all elements together ≤ 80 kB. Every other element entry gets the form's budget too.
 * An element is measured together with `<prm-provider>`, which brings the SDK: a page needs both
 * (or the SDK's `createPrmClient` for the `client` property) to show it.
 */
export const BUDGETS = { element: 30 * KB, all: 80 * KB };

/**
 * @typedef {object} Entry
 * @property {string} name  The export without `./`: `registration-form`, or `index` for `.`.
 * @property {string} dist  The built file, e.g. `dist/registration-form/define.js`.
 * @property {string} src   Its source, e.g. `src/registration-form/define.ts`.
 * @property {number} budget  Bytes gzipped.
 */

/** Whether a package-relative file exists. */
export const exists = (file) => existsSync(`${packageDir}${file}`);

/**
 * Every JavaScript entry of the package's `exports` map: one per element plus the index (the
 * prebuilt `./bundle` is measured separately: it is the index, already bundled).
 * @returns {Entry[]}
 */
export const packageEntries = () => {
  const manifest = JSON.parse(readFileSync(`${packageDir}package.json`, 'utf8'));
  /** @type {Entry[]} */
  const entries = [];
  for (const [key, target] of Object.entries(manifest.exports)) {
    const file = typeof target === 'object' ? target.import : undefined;
    if (!file?.endsWith('.js')) continue;
    const dist = file.replace(/^\.\//, '');
    const name = key === '.' ? 'index' : key.replace(/^\.\//, '');
    const src = dist.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts');
    entries.push({ name, dist, src, budget: name === 'index' ? BUDGETS.all : BUDGETS.element });
  }
  return entries;
};

/**
 * Every element at once, from the element entries themselves (not the index, which lists only
 * the elements added to it so far): the "all elements together" budget.
 * @param {'src' | 'dist'} from
 * @returns {string[]}
 */
export const allElementFiles = (from) =>
  packageEntries()
    .filter((entry) => entry.name !== 'index' && exists(entry[from]))
    .map((entry) => entry[from]);

/**
 * The files a page loads to use an entry: an element's entry plus the provider's.
 * @param {Entry} entry @param {'src' | 'dist'} from
 */
export const filesFor = (entry, from) => {
  const provider = packageEntries().find((candidate) => candidate.name === 'provider');
  return entry.name === 'index' || entry.name === 'provider' || !provider
    ? [entry[from]]
    : [entry[from], provider[from]];
};

const ENTRY = 'openprm-measured-entry';

/**
 * Bundles entries together all-in, minified for the browser, split the way an app's bundler
 * splits them, and measures what a page loads first: the entry and every chunk it imports
 * statically (`min`, `gz`: gzipped as one file). Languages other than English are dynamic
 * imports, loaded only when an element shows them: `lazyGz` is what German adds.
 * @param {string[]} files  package-relative, `.ts` or `.js`
 * @returns {Promise<{ min: number, gz: number, lazyGz: number, code: string }>} bytes, and the
 *   code loaded first

 */
export const measureEntries = async (files) => {
  const result = await build({
    entryPoints: [ENTRY],
    absWorkingDir: packageDir,
    bundle: true,
    splitting: true,
    outdir: `${packageDir}.measured`,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'measured-entry',
        setup(build) {
          build.onResolve({ filter: new RegExp(`^${ENTRY}$`) }, () => ({
            path: ENTRY,
            namespace: ENTRY,
          }));
          build.onLoad({ filter: /.*/, namespace: ENTRY }, () => ({
            contents: files.map((file) => `export * from './${file}';`).join('\n'),
            resolveDir: packageDir,
            loader: 'js',
          }));
        },
      },
    ],
  });
  const outputs = result.metafile.outputs;
  const contents = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
  const pathOf = (output) => `${packageDir}${output}`;
  // Each language that loads on demand is an entry point of its own too: find ours by name.
  const entry = Object.keys(outputs).find((output) => outputs[output].entryPoint?.endsWith(ENTRY));
  /** The entry and what it imports statically, transitively. */
  const initial = new Set();
  const visit = (output) => {
    if (initial.has(output)) return;
    initial.add(output);
    for (const imported of outputs[output].imports) {
      if (imported.kind === 'import-statement') visit(imported.path);
    }
  };
  visit(entry);
  const join = (names) => Buffer.concat(names.map((name) => contents.get(pathOf(name))));
  const first = join([...initial]);
  const lazy = join(Object.keys(outputs).filter((o) => !initial.has(o) && o.endsWith('.js')));
  return {
    min: first.length,
    gz: gzipSync(first, { level: 9 }).length,
    lazyGz: lazy.length === 0 ? 0 : gzipSync(lazy, { level: 9 }).length,
    code: first.toString('utf8'),
  };
};

/** Measures a file as it ships (already bundled and minified). */
export const measureFile = (file) => {
  const code = readFileSync(`${packageDir}${file}`);
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
};

export const kb = (bytes) => `${(bytes / KB).toFixed(1)} kB`;
