import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const resultsDir = fileURLToPath(new URL('./.openprm/test-results/', import.meta.url));

/**
 * The test setup every package shares. Each run also writes a JSON summary that the root
 * `npm test` adds up into one closing line.
 */
export const definePackageTests = (name: string, overrides: ViteUserConfig['test'] = {}) =>
  defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      reporters: ['default', ['json', { outputFile: `${resultsDir}${name}.json` }]],
      ...overrides,
    },
  });
