/**
 * The size budget, measured the way an app pays for it: esbuild, minified, browser, gzip -9.
 *
 * The target is ≤ 12 kB min+gz for the whole SDK with its dependencies. It is NOT met
 * today: the contract from @openprm/core alone is ~17.7 kB gz (its zod/mini schemas do not
 * tree-shake, see packages/core/README.md "Bundle size"), and ky adds ~4.9 kB. Until core's
 * schemas shrink, the figures below are REGRESSION CEILINGS set just above what was measured
 * (2026-11-23), not the target; packages/sdk/README.md "Bundle size" states the gap.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const kB = 1024;

/** Bytes of a minified browser bundle of `contents` (resolved from the package root), gzipped. */
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
  const code = result.outputFiles[0]!.contents;
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
};

const report = (label: string, size: { min: number; gz: number }) =>
  console.log(
    `[bundle-size] ${label}: ${(size.min / kB).toFixed(1)} kB min, ${(size.gz / kB).toFixed(1)} kB gz`,
  );

describe('bundle size (esbuild, minified, browser, gzip -9)', () => {
  /** The target for the whole SDK with its dependencies. Not met: see the file header. */
  const TARGET_GZ = 12 * kB;

  it('whole SDK with @openprm/core and ky stays under its regression ceiling', async () => {
    const size = await measure(`export * from './src/index.ts';`);
    report('whole SDK incl. @openprm/core + ky', size);
    // Measured 25.4 kB gz (81.2 kB min). Ceiling, not target: the target is TARGET_GZ (12 kB).
    expect(size.gz).toBeLessThanOrEqual(26 * kB);
    expect(
      size.gz,
      'The 12 kB budget is met: make it the ceiling here and update README.md "Bundle size".',
    ).toBeGreaterThan(TARGET_GZ);
  }, 30_000);

  it('the SDK’s own code (without core and ky) stays small', async () => {
    const size = await measure(`export * from './src/index.ts';`, ['@openprm/core', 'ky']);
    report('SDK code only', size);
    // Measured 3.5 kB gz.
    expect(size.gz).toBeLessThanOrEqual(4 * kB);
  }, 30_000);

  it('runs in a browser bundle without Node built-ins', async () => {
    // platform: 'browser' fails the build on any `node:` import; this makes it explicit.
    await expect(measure(`export * from './src/index.ts';`)).resolves.toBeDefined();
  }, 30_000);
});
