import { definePackageTests } from '../../vitest.base.js';

// Each test file opens its own databases (PGlite takes a few seconds to create one).
export default definePackageTests('server', { testTimeout: 60_000, hookTimeout: 60_000 });
