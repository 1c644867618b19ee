#!/usr/bin/env node
// `npm test`: lint (Biome), build, Storybook's build, typecheck, every package's tests (the elements'
// include every story opened in Chromium) and the package checks (publint, attw),
// then one summary. Suites that cannot run on this machine (no PostgreSQL, no Chromium) record
// why in .openprm/test-skips/; they are listed loudly here, and with OPENPRM_REQUIRE_ALL=1 (CI)
// a skip is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, '.openprm/test-results');
const skipsDir = join(root, '.openprm/test-skips');
for (const dir of [resultsDir, skipsDir]) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  STORYBOOK_DISABLE_TELEMETRY: '1',
  OPENPRM_SKIPS_DIR: skipsDir,
};
const run = (label, command, args) => {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  return result.status === 0;
};

const steps = [
  ['changesets parse', 'node', ['scripts/check-changesets.mjs']],
  [
    'lint, build, typecheck, tests, package checks (turbo)',
    'npx',
    [
      'turbo',
      'run',
      'lint',
      'lint:repo',
      'build',
      'build-storybook',
      'typecheck',
      'test',
      'check-package',
      '--continue',
      '--output-logs=errors-only',
    ],
  ],
];
const failedSteps = steps.filter(([label, command, args]) => !run(label, command, args));

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of existsSync(resultsDir) ? readdirSync(resultsDir) : []) {
  const summary = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
  passed += summary.numPassedTests;
  failed += summary.numFailedTests;
  skipped += summary.numPendingTests + summary.numTodoTests;
}

const skips = readdirSync(skipsDir).map((file) =>
  readFileSync(join(skipsDir, file), 'utf8').trim(),
);
if (skips.length > 0) {
  const banner = '!'.repeat(72);
  console.log(`\n${banner}\nSKIPPED SUITES — these did not run on this machine:`);
  for (const line of skips) console.log(`  • ${line}`);
  console.log(
    process.env.OPENPRM_REQUIRE_ALL === '1'
      ? 'OPENPRM_REQUIRE_ALL=1: a skipped suite is a failure.'
      : 'Install what they need (see README "Testing") to run everything.',
  );
  console.log(banner);
}

const requireAllFailed =
  process.env.OPENPRM_REQUIRE_ALL === '1' && (skips.length > 0 || skipped > 0);
for (const [label] of failedSteps) console.log(`✗ ${label} failed`);
console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length > 0 || failed > 0 || requireAllFailed ? 1 : 0);
