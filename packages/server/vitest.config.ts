import { definePackageTests } from '../../vitest.base.js';

export default definePackageTests('server');
