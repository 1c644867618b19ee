// The bundle-size budgets, asserted on the built package (`npm test` builds it first). Size is not
// timing: the same build gives the same bytes on every machine, so a budget can fail a test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allElementFiles,
  BUDGETS,
  exists,
  filesFor,
  kb,
  measureEntries,
  packageEntries,
} from './bundle-size.mjs';

const entries = packageEntries();

describe('bundle size, all-in, minified and gzipped, as built', () => {
  it('has a build to measure', () => {
    const missing = entries.filter((entry) => !exists(entry.dist)).map((entry) => entry.dist);
    expect(missing, 'run `npm run build -w @openprm/elements` first').toEqual([]);
    expect(entries.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['index', 'provider', 'registration-form']),
    );
  });

  it.each(entries)('$name stays within its budget', async (entry) => {
    const { gz } = await measureEntries(filesFor(entry, 'dist'));
    expect(gz, `${entry.name} in bytes gzipped, budget ${kb(entry.budget)}`).toBeLessThanOrEqual(
      entry.budget,
    );
  });

  it('the registration form meets the issue’s 30 kB with the provider, the SDK and Lit', async () => {
    const form = entries.find((entry) => entry.name === 'registration-form');
    const { gz } = await measureEntries(filesFor(form as (typeof entries)[number], 'dist'));
    expect(gz).toBeLessThanOrEqual(30_000);
  });

  it('loads German on demand in the package, and inlines it in the single-file bundle', async () => {
    const form = entries.find((entry) => entry.name === 'registration-form');
    const { lazyGz, code } = await measureEntries(
      filesFor(form as (typeof entries)[number], 'dist'),
    );
    // The form's and the shared German texts are chunks of their own, not in what loads first.
    expect(lazyGz).toBeGreaterThan(1_000);
    expect(code).toContain('Register deal');
    expect(code).not.toContain('Deal registrieren');
    const bundle = readFileSync(
      new URL('../dist/openprm-elements.bundle.js', import.meta.url),
      'utf8',
    );
    expect(bundle).toContain('Deal registrieren');
    expect(bundle).not.toMatch(/import\(["']\.\//);
  });

  it('every element entry together stays within the budget for all elements', async () => {
    const { gz, lazyGz } = await measureEntries(allElementFiles('dist'));
    expect(gz, 'all elements in bytes gzipped').toBeLessThanOrEqual(BUDGETS.all);
    expect(gz + lazyGz, 'all elements with German').toBeLessThanOrEqual(BUDGETS.all);
  });
});
