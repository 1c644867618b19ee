import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * A story registers its element with a bare `import './define.js'`. The package's `sideEffects`
 * lists only the built `dist/*​/define.js` files, so the production build would drop the sources'
 * define modules as side-effect free and every story would show an undefined tag. They do
 * register a tag: say so to the bundler.
 */
const defineModulesHaveSideEffects = {
  name: 'openprm-define-modules-have-side-effects',
  transform(code: string, id: string) {
    return /[/\\]packages[/\\]elements[/\\]src[/\\].+[/\\]define\.ts$/.test(id)
      ? { code, map: null, moduleSideEffects: true }
      : undefined;
  },
};

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../packages/elements/docs/*.mdx', '../packages/elements/src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // msw's service worker (mockServiceWorker.js), which answers the stories' API calls.
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    plugins: [...(viteConfig.plugins ?? []), defineModulesHaveSideEffects],
  }),
};

export default config;
