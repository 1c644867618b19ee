import { definePackageBuild } from '../../tsup.base.js';

export default [
  // The package: one entry per element (`@openprm/elements/<name>` registers its tag) plus the
  // index; Lit, the SDK and the contract stay external so a bundler shares them across elements.
  definePackageBuild({ entry: ['src/index.ts', 'src/*/define.ts'], platform: 'browser' }),
  // One file a plain HTML page loads with <script type="module">: everything inlined and minified.
  definePackageBuild({
    entry: { 'openprm-elements.bundle': 'src/index.ts' },
    platform: 'browser',
    noExternal: [/.*/],
    minify: true,
    dts: false,
    clean: false,
  }),
];
