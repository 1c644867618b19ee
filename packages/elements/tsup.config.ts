import { definePackageBuild } from '../../tsup.base.js';
import { minifyTemplatesPlugin } from './scripts/minify-templates.js';

/** Templates lose their indentation and line breaks (scripts/minify-templates.ts). */
const esbuildPlugins = [minifyTemplatesPlugin()];

export default [
  // The package: one entry per element (`@openprm/elements/<name>` registers its tag) plus the
  // index; Lit, the SDK and the contract stay external so a bundler shares them across elements.
  definePackageBuild({
    entry: ['src/index.ts', 'src/*/define.ts'],
    platform: 'browser',
    esbuildPlugins,
  }),
  // One file a plain HTML page loads with <script type="module">: everything inlined and minified.
  definePackageBuild({
    entry: { 'openprm-elements.bundle': 'src/index.ts' },
    platform: 'browser',
    noExternal: [/.*/],
    // One file even with the languages that load on demand: they are inlined, not split off.
    splitting: false,
    esbuildPlugins,
    minify: true,
    dts: false,
    clean: false,
  }),
];
