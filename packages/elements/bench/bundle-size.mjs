// What a page pays for each entry of @openprm/elements, all-in (Lit, the SDK, the contract's
// schemas): bundled by esbuild for the browser, minified, gzipped. `bench/run.mjs` measures the
// built package (dist/), `bench/bundle-size.node.test.ts` the sources, so the test needs no build.
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
 * Regression ceilings for entries that do not meet their budget yet, in bytes gzipped: the size
 * measured on 2026-11-23 plus 5 %. A ceiling stops things getting worse while the real budget is
 * still printed as the goal; remove an entry once its budget holds.
 * @type {Record<string, number>}
 */
export const CEILINGS = {
  'registration-form': Math.ceil(35_112 * 1.05),
  'registration-list': Math.ceil(39_317 * 1.05),
  'traffic-light-board': Math.ceil(35_239 * 1.05),
  'skills-finder': Math.ceil(34_912 * 1.05),
};

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

/**
 * Bundles entries together all-in, minified for the browser, and measures the result.
 * @param {string[]} files  package-relative, `.ts` or `.js`
 * @returns {Promise<{ min: number, gz: number }>} bytes
 */
export const measureEntries = async (files) => {
  const result = await build({
    stdin: {
      // `export *`, not a bare import: the package's `sideEffects` lists dist/ files only, so
      // esbuild would drop a bare-imported source file whole.
      contents: files.map((file) => `export * from './${file}';`).join('\n'),
      resolveDir: packageDir,
      loader: 'js',
    },
    absWorkingDir: packageDir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
};

/** Measures a file as it ships (already bundled and minified). */
export const measureFile = (file) => {
  const code = readFileSync(`${packageDir}${file}`);
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
};

export const kb = (bytes) => `${(bytes / KB).toFixed(1)} kB`;
