// The Custom Elements Manifest (custom-elements.json) is generated from each element's JSDoc;
// Storybook's docs pages and editors read it.
export default {
  globs: ['src/**/*.ts'],
  exclude: [
    'src/**/*.test.ts',
    'src/**/*.stories.ts',
    'src/test-support/**',
    'src/**/*.node.test.ts',
  ],
  outdir: '.',
  litelement: true,
};
