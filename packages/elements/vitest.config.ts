import { existsSync } from 'node:fs';
import { playwright } from '@vitest/browser-playwright';
import { recordSkip } from '../../scripts/test-skips.mjs';
import { definePackageTests } from '../../vitest.base.js';

/** Debian's Chromium; set OPENPRM_CHROMIUM to use another build. */
const chromium = process.env.OPENPRM_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromium);
if (!hasChromium) {
  recordSkip(
    'elements: browser tests',
    `no Chromium at ${chromium} (apt-get install -y chromium, or set OPENPRM_CHROMIUM)`,
  );
}

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

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
                '@lit/task',
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
                  launchOptions: { executablePath: chromium, args: CHROMIUM_FLAGS },
                }),
                instances: [{ browser: 'chromium' as const }],
              },
            },
          },
        ]
      : []),
  ],
});
