import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, chromiumFor } from '../../scripts/chromium.mjs';
import { definePackageTests } from '../../vitest.base.js';

const hasChromium = chromiumFor('elements: browser tests');

export default definePackageTests('elements', {
  // Projects extend this config and add to its `include`: each project names its own files.
  include: [],
  projects: [
    {
      extends: true as const,
      test: {
        name: 'node',
        include: ['src/**/*.node.test.ts', 'bench/**/*.node.test.ts', 'test/**/*.node.test.ts'],
      },
    },
    ...(hasChromium
      ? [
          {
            extends: true as const,
            // Pre-bundled up front: Vite finding one mid-run reloads the page and fails the file.
            optimizeDeps: {
              include: [
                'lit',
                'lit/decorators.js',
                'lit/directives/if-defined.js',
                'lit/directives/repeat.js',
                'lit/directives/live.js',
                'lit/directives/class-map.js',
                'lit/directives/style-map.js',
                '@lit/context',
                'axe-core',
                'msw',
              ],
            },
            test: {
              name: 'chromium',
              include: ['src/**/*.test.ts'],
              exclude: ['src/**/*.node.test.ts'],
              globalSetup: ['src/test-support/real-server.global.ts'],
              testTimeout: 15_000,
              browser: {
                enabled: true,
                headless: true,
                screenshotFailures: false,
                provider: playwright({
                  launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
                }),
                instances: [{ browser: 'chromium' as const }],
              },
            },
          },
        ]
      : []),
  ],
});
