import { definePackageTests } from '../../vitest.base.js';

// Property tests run 1,000 cases each; on a busy 2-core machine one can take longer than 5 s.
export default definePackageTests('core', { testTimeout: 60_000 });
