import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../packages/elements/src/**/*.stories.ts', '../packages/elements/docs/*.mdx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // msw's service worker (mockServiceWorker.js), which answers the stories' API calls.
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
};

export default config;
