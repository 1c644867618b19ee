// `npm run bench -w @openprm/elements` (after `npm run build -w @openprm/elements`): the bundle
// size of every entry against its budget, then the board's render benchmark.
import { existsSync } from 'node:fs';
import {
  allElementFiles,
  BUDGETS,
  exists,
  filesFor,
  kb,
  measureEntries,
  measureFile,
  packageEntries,
} from './bundle-size.mjs';

const BUNDLE = 'dist/openprm-elements.bundle.js';
/** kB without the unit, for the table's number columns. */
const fixed = (bytes) => kb(bytes).replace(' kB', '');

if (!exists('dist/index.js')) {
  console.error('No dist/: run `npm run build -w @openprm/elements` first.');
  process.exit(1);
}

console.log(
  'Bundle size per entry, all-in (Lit, SDK, contract request checks): esbuild --bundle --minify',
  '--splitting for the\nbrowser, gzip -9, what a page loads first; an element is counted with',
  '<prm-provider>, which brings the SDK.\n"+ de" is what German adds when an element first shows it',
  '(loaded on demand). 1 kB = 1,000 bytes.\n',
);
const rows = [['entry', 'kB min', 'kB gz', '+ de gz', 'budget', 'verdict']];
let overBudget = 0;
for (const entry of packageEntries()) {
  const label =
    entry.name === 'index'
      ? 'index (all elements)'
      : entry.name === 'provider'
        ? 'provider (the SDK)'
        : `${entry.name} + provider`;
  if (!exists(entry.dist)) {
    rows.push([label, '—', '—', '—', kb(entry.budget), `not built (${entry.dist} missing)`]);
    continue;
  }
  const { min, gz, lazyGz } = await measureEntries(filesFor(entry, 'dist'));
  let verdict = 'ok';
  if (gz > entry.budget) {
    overBudget += 1;
    verdict = `OVER by ${kb(gz - entry.budget)}`;
  }
  rows.push([label, fixed(min), fixed(gz), fixed(lazyGz), kb(entry.budget), verdict]);
}
{
  const { min, gz, lazyGz } = await measureEntries(allElementFiles('dist'));
  const verdict = gz > BUDGETS.all ? `OVER by ${kb(gz - BUDGETS.all)}` : 'ok';
  const row = ['every element entry together', fixed(min), fixed(gz), fixed(lazyGz)];
  rows.push([...row, kb(BUDGETS.all), verdict]);
}
if (existsSync(new URL(`../${BUNDLE}`, import.meta.url))) {
  const { min, gz } = measureFile(BUNDLE);
  const verdict = gz > BUDGETS.all ? `OVER by ${kb(gz - BUDGETS.all)}` : 'ok';
  // The single file holds every language: no chunk to load later.
  rows.push(['./bundle (as shipped)', fixed(min), fixed(gz), 'incl.', kb(BUDGETS.all), verdict]);
}
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
for (const [index, row] of rows.entries()) {
  console.log(
    row
      .map((cell, column) =>
        column === 5
          ? cell
          : column === 0
            ? cell.padEnd(widths[column])
            : cell.padStart(widths[column]),
      )
      .join('  '),
  );
  if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
}
if (overBudget > 0) {
  console.log(`\n!!! ${overBudget} entr${overBudget === 1 ? 'y is' : 'ies are'} over budget.`);
}

// The board's render benchmark lives with the board (bench/board-render.mjs); its engineer owns it.
console.log('\nBoard render benchmark');
const boardBench = new URL('./board-render.mjs', import.meta.url);
if (existsSync(boardBench)) {
  const { benchBoardRender } = await import(boardBench.href);
  await benchBoardRender();
} else {
  console.log('  skipped: bench/board-render.mjs does not exist yet.');
}
