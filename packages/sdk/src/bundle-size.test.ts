/**
 * The size budget, measured the way an app pays for it: esbuild, minified, browser, gzip -9.
 * The budget: ≤ 12 kB min+gz for the whole SDK with its dependencies. Measured 8.4 kB
 * (2026-11-23): 25.4 kB with ky, 15.9 kB with zod; the requests are now checked with
 * `@openprm/core/request-checks` (the contract's request schemas compiled to data) and `issuesOf`.
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
  it('whole SDK with @openprm/core stays within the 12 kB budget, without zod', async () => {
    const size = await measure(`export * from './src/index.ts';`);
    report('whole SDK incl. @openprm/core', size);
    expect(size.gz).toBeLessThanOrEqual(12 * kB);
    // zod's engine alone is ~7 kB gz: requests are checked with compiled data instead.
    expect(size.code).not.toContain('_zod');
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
    // ...while the request checks are there: the error message of an Id.
    expect(code).toContain('Use letters, digits');
  }, 30_000);

  it('runs in a browser bundle without Node built-ins', async () => {
    // platform: 'browser' fails the build on any `node:` import; this makes it explicit.
    await expect(measure(`export * from './src/index.ts';`)).resolves.toBeDefined();
  }, 30_000);
});
