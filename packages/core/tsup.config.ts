import { definePackageBuild } from '../../tsup.base.js';
import { markPurePlugin } from './scripts/mark-pure.js';

/**
 * One output file per source module (not one bundle), with the contract's schema-building calls
 * marked pure: an app's bundler then keeps only the schemas it uses (README "Bundle size").
 * A single bundle would not do: a namespace import (`import * as schemas` in openapi.ts) becomes
 * a top-level `__export(…)` call there, which keeps every schema alive in every app.
 */
export default definePackageBuild({
  entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*-fixtures.ts'],
  bundle: false,
  dts: { entry: 'src/index.ts' },
  esbuildPlugins: [markPurePlugin()],
});
