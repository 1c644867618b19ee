import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, snapshot } from '../support/browser.js';
import { startDemoServer } from '../support/real-server.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');

/**
 * Builds an example app as its README says (`vite build`) and serves the result with
 * `vite preview`, whose proxy forwards /v1 to the demo server.
 */
const buildAndPreview = async (name: string, api: string) => {
  const root = join(examples, name);
  const outDir = mkdtempSync(join(tmpdir(), `openprm-${name}-`));
  await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    root,
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', proxy: { '/v1': api } },
  });
  const { port } = server.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
};

describe.runIf(hasChromium)('the bundler examples, built and served', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('vite-app: the imported elements register and talk to the server through the proxy', async () => {
    const app = await buildAndPreview('vite-app', demo.url);
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(app.url);
      await page
        .locator('prm-registration-form')
        .getByRole('button', { name: 'Register deal' })
        .waitFor({ timeout: 20_000 });
      await page.locator('prm-registration-list').getByText('Status').first().waitFor();
      await snapshot(page, 'example-vite-app');
      expect(errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('react: @lit/react wrappers pass properties and turn prm-* events into props', async () => {
    const app = await buildAndPreview('react', demo.url);
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(app.url);
      const choose = page.locator('prm-skills-finder').getByRole('button', { name: /Choose/ });
      await choose.first().waitFor({ timeout: 20_000 });
      await choose.first().click();
      await page.getByRole('status').filter({ hasText: 'Chosen:' }).waitFor();
      await snapshot(page, 'example-react');
      expect(errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
