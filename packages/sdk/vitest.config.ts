import { definePackageTests } from '../../vitest.base.js';

// Test files start a real server on a new PGlite with the demo data: seconds, more on a busy machine.
export default definePackageTests('sdk', { hookTimeout: 60_000 });
