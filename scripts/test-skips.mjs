// A suite that cannot run on this machine says so loudly: `npm test` lists what was recorded in
// OPENPRM_SKIPS_DIR at the end, and with OPENPRM_REQUIRE_ALL=1 (CI) a skip is a failure instead.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} suite @param {string} reason */
export const recordSkip = (suite, reason) => {
  if (process.env.OPENPRM_REQUIRE_ALL === '1') {
    throw new Error(
      `${suite} cannot run (${reason}) and OPENPRM_REQUIRE_ALL=1 forbids skipping it.`,
    );
  }
  console.warn(`SKIPPED ${suite}: ${reason}`);
  const dir = process.env.OPENPRM_SKIPS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${suite.replace(/[^A-Za-z0-9]+/g, '-')}.txt`),
      `${suite}: ${reason}\n`,
    );
  }
};
