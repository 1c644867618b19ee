// The one place that says which Chromium the browser suites and benchmarks use and how to launch
// it headless here: Debian's /usr/bin/chromium (OPENPRM_CHROMIUM selects another build).
import { existsSync } from 'node:fs';
import { recordSkip } from './test-skips.mjs';

export const CHROMIUM_PATH = process.env.OPENPRM_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** @param {string} suite @returns {boolean} true when Chromium is there; else records the skip. */
export const chromiumFor = (suite) => {
  if (existsSync(CHROMIUM_PATH)) return true;
  recordSkip(
    suite,
    `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set OPENPRM_CHROMIUM)`,
  );
  return false;
};
