import { defineConfig, type Options } from 'tsup';

/** The one build every package shares: ESM + .d.ts, browser-safe unless a package says otherwise. */
export const definePackageBuild = (overrides: Options = {}) =>
  defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    ...overrides,
  });
