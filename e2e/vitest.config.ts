import { definePackageTests } from '../vitest.base.js';

export default definePackageTests('e2e', {
  include: ['tests/**/*.test.ts'],
  // A journey is many steps through a real browser and server, each waiting on the page.
  testTimeout: 180_000,
  hookTimeout: 120_000,
});
