/**
 * The size budget, measured the way an app pays for it: esbuild, minified, browser, gzip -9.
 *
 * The target is ≤ 12 kB min+gz for the whole SDK with its dependencies. It is NOT met:
 * the SDK is at 13.8 kB (2026-11-23; 25.4 kB before ky was replaced and the contract made to
 * tree-shake). What is left is mostly zod/mini itself (~7 kB gz for the checks the request
 * schemas use; an object of strings alone is 4.3 kB), which validating before sending needs; see
 * README.md "Bundle size". The figures below are REGRESSION CEILINGS set just above what was
 * measured, not the target.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const kB = 1024;

/** A minified browser bundle of `contents` (resolved from the package root): bytes, gzipped bytes, text. */
const measure = async (contents: string, external: string[] = []) => {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    external,
  });
  const output = result.outputFiles[0]!;
  return {
    min: output.contents.length,
    gz: gzipSync(output.contents, { level: 9 }).length,
    code: output.text,
  };
};

const report = (label: string, size: { min: number; gz: number }) =>
  console.log(
    `[bundle-size] ${label}: ${(size.min / kB).toFixed(1)} kB min, ${(size.gz / kB).toFixed(1)} kB gz`,
  );

describe('bundle size (esbuild, minified, browser, gzip -9)', () => {
  /** The target for the whole SDK with its dependencies. Not met: see the file header. */
  const TARGET_GZ = 12 * kB;

  it('whole SDK with @openprm/core and zod stays under its regression ceiling', async () => {
    const size = await measure(`export * from './src/index.ts';`);
    report('whole SDK incl. @openprm/core + zod', size);
    // Measured 15.9 kB gz (49.0 kB min) with events, webhooks and imports (13.8 kB without them).
    // Ceiling, not target: the target is TARGET_GZ (12 kB).
    expect(size.gz).toBeLessThanOrEqual(16.5 * kB);
    expect(
      size.gz,
      'The 12 kB budget is met: make it the ceiling here and update README.md "Bundle size".',
    ).toBeGreaterThan(TARGET_GZ);
  }, 30_000);

  it('the SDK’s own code (without core and zod) stays small', async () => {
    const size = await measure(`export * from './src/index.ts';`, ['@openprm/core']);
    report('SDK code only', size);
    // Measured 5.2 kB gz: 3.7 kB before the event stream (SSE parser, reconnects) and webhooks.
    expect(size.gz).toBeLessThanOrEqual(5.5 * kB);
  }, 30_000);

  it('bundles the request schemas only: no response schema, no endpoint documentation', async () => {
    const { code } = await measure(`export * from './src/index.ts';`);
    // `decisionDueAt` is a field of Registration (an answer); the summary is health.check's.
    expect(code).not.toContain('decisionDueAt');
    expect(code).not.toContain('Liveness and readiness of the server');
    // ...while the request schemas are there: the error message of an Id.
    expect(code).toContain('Use letters, digits, "_" or "-"');
  }, 30_000);

  it('runs in a browser bundle without Node built-ins', async () => {
    // platform: 'browser' fails the build on any `node:` import; this makes it explicit.
    await expect(measure(`export * from './src/index.ts';`)).resolves.toBeDefined();
  }, 30_000);
});
