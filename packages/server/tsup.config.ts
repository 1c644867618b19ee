import { definePackageBuild } from '../../tsup.base.js';

export default definePackageBuild({
  entry: ['src/index.ts', 'src/cli.ts'],
  platform: 'node',
  target: 'node20',
});
