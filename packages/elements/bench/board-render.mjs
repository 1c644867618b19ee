// The board's render benchmark: time to the first rendered frame of <prm-traffic-light-board>
// with 100 and with 10,000 partners (8 objectives each). Virtualisation should make the large
// board cost about as much as the small one: target ratio ≤ 1.5.
//
//   node bench/board-render.mjs            (standalone)
//   npm run bench -w @openprm/elements     (bench/run.mjs calls benchBoardRender())
//
// Needs Chromium at /usr/bin/chromium (or OPENPRM_CHROMIUM). Builds the element from source
// with esbuild, so it needs no `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { CHROMIUM_PATH as CHROMIUM, CHROMIUM_FLAGS } from '../../../scripts/chromium.mjs';

const SIZES = [100, 10_000];
const REPETITIONS = 15;
const TARGET_RATIO = 1.5;

const benchDir = fileURLToPath(new URL('.', import.meta.url));

// Runs in the page: builds the data first (not timed), then times one mount of the board.
const PAGE_SCRIPT = `
import { PrmTrafficLightBoard } from '../src/traffic-light-board/define.ts';
import { buildBenchBoard } from './board-fixture.mjs';

// package.json's "sideEffects" names only dist/, so a bare import of src/…/define.ts is dropped.
if (!customElements.get('prm-traffic-light-board')) {
  customElements.define('prm-traffic-light-board', PrmTrafficLightBoard);
}

const countElements = (root) => {
  let count = 0;
  for (const element of root.querySelectorAll('*')) {
    count += 1;
    if (element.shadowRoot) count += countElements(element.shadowRoot);
  }
  return count;
};

const boards = new Map();
globalThis.benchBoard = async (partners) => {
  let board = boards.get(partners);
  if (!board) {
    board = buildBenchBoard(partners);
    boards.set(partners, board);
  }
  document.body.replaceChildren();
  // Collect the previous board's garbage now, so a collection doesn't land inside one timing.
  globalThis.gc?.();
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const start = performance.now();
  const element = document.createElement('prm-traffic-light-board');
  element.locale = 'en';
  element.board = board;
  document.body.append(element);
  await element.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  // Force style and layout, so the time includes what the first frame has to lay out.
  element.shadowRoot.querySelector('[role="grid"]').getBoundingClientRect();
  const ms = performance.now() - start;
  return { ms, elements: countElements(document.body) };
};
`;

const bundlePage = async () => {
  const result = await build({
    stdin: {
      contents: PAGE_SCRIPT,
      resolveDir: benchDir,
      loader: 'js',
      sourcefile: 'board-bench-page.js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const format = (ms) => `${ms.toFixed(1)} ms`;

/**
 * Runs the benchmark, prints a small table and returns the numbers.
 * @param {{ log?: (line: string) => void, repetitions?: number }} [options]
 */
export const benchBoardRender = async ({ log = console.log, repetitions = REPETITIONS } = {}) => {
  if (!existsSync(CHROMIUM)) {
    log(`  skipped: no Chromium at ${CHROMIUM} (set OPENPRM_CHROMIUM).`);
    return { skipped: true, sizes: [], ratio: null, ok: null };
  }
  const script = await bundlePage();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_FLAGS, '--js-flags=--expose-gc'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent('<!doctype html><html lang="en"><body></body></html>');
    await page.addScriptTag({ type: 'module', content: script });
    await page.waitForFunction(() => typeof globalThis.benchBoard === 'function');
    const runs = new Map(SIZES.map((size) => [size, []]));
    // One warm-up of each size (JIT, fonts), then interleaved runs so drift hits both alike.
    for (const size of SIZES) await page.evaluate((n) => globalThis.benchBoard(n), size);
    for (let index = 0; index < repetitions; index += 1) {
      for (const size of SIZES) {
        runs.get(size).push(await page.evaluate((n) => globalThis.benchBoard(n), size));
      }
    }
    const sizes = SIZES.map((partners) => ({
      partners,
      objectives: 8,
      medianMs: median(runs.get(partners).map((run) => run.ms)),
      elements: runs.get(partners).at(-1).elements,
    }));
    const [small, large] = sizes;
    const ratio = large.medianMs / small.medianMs;
    const ok = ratio <= TARGET_RATIO;
    log(`  time to first frame, median of ${repetitions} (8 objectives per partner):`);
    for (const size of sizes) {
      log(
        `  ${String(size.partners.toLocaleString('en')).padStart(6)} partners: ${format(size.medianMs).padStart(9)}   ${size.elements} DOM elements`,
      );
    }
    log(
      `  ratio 10,000 : 100 = ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}) ${ok ? 'ok' : 'OVER TARGET'}`,
    );
    return { skipped: false, sizes, ratio, target: TARGET_RATIO, ok };
  } finally {
    await browser.close();
  }
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log('Board render benchmark');
  const result = await benchBoardRender();
  if (result.ok === false) process.exitCode = 1;
}
