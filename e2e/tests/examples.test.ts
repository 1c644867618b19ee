import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createPrmClient } from '@openprm/sdk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, snapshot } from '../support/browser.js';
import { startDemoServer } from '../support/real-server.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');

/** Runs an example script like a developer would, collecting its output. */
const run = (script: string, args: string[], env: Record<string, string>) => {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: join(examples, 'node-integration'),
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, output: () => output, exited };
};

const waitFor = async (condition: () => boolean, what: string, timeout = 20_000) => {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('examples/node-integration against a demo server', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let receiver: ChildProcess | undefined;
  beforeAll(async () => {
    demo = await startDemoServer({ corsOrigins: [] });
  });
  afterAll(async () => {
    receiver?.kill();
    await demo?.close();
  });

  it('overdue.mjs lists the registrations past their deadline and approves the oldest', async () => {
    const script = run('overdue.mjs', ['--approve'], { OPENPRM_URL: demo.url });
    expect(await script.exited).toBe(0);
    expect(script.output()).toMatch(/\d+ registration\(s\) past their decision deadline/);
    expect(script.output()).toMatch(/Approved reg_\w+: protected until \d{4}-/);
  });

  it('webhook-receiver.mjs registers itself and prints verified deliveries', async () => {
    const port = String(40_000 + Math.floor(Math.random() * 10_000));
    const script = run('webhook-receiver.mjs', [], { OPENPRM_URL: demo.url, PORT: port });
    receiver = script.child;
    await waitFor(() => script.output().includes('Listening on'), 'the receiver to listen');
    const manager = createPrmClient({ baseUrl: demo.url, token: 'prm_demo_manager' });
    const [waiting] = (await manager.registrations.list({ status: 'submitted', sort: 'queue' }))
      .data;
    expect(waiting).toBeDefined();
    await manager.registrations.reject(waiting?.id as string, {
      code: 'duplicate',
      reason: 'Already registered through another channel.',
    });
    await waitFor(() => /registration\.rejected/.test(script.output()), 'a verified delivery');
    expect(script.output()).not.toContain('invalid signature');
  });
});

describe.runIf(hasChromium)('examples/intranet-html in a browser', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let page: Server;
  let browser: Browser;
  let pageUrl: string;
  beforeAll(async () => {
    // The page is served from its own origin, as an intranet would: the server allows it (CORS).
    page = createServer((_request, response) => {
      const html = readFileSync(join(examples, 'intranet-html', 'index.html'), 'utf8');
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(html.replaceAll('http://localhost:8787', demo.url));
    });
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`;
    demo = await startDemoServer({ corsOrigins: [pageUrl.slice(0, -1)] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => page?.close(resolve));
    await demo?.close();
  });

  it('shows the elements, themed by the page, talking to the server across origins', async () => {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(pageUrl);
    const check = tab.locator('prm-reservation-check');
    await check
      .getByText(/Open|Reserved|Vendor-direct/)
      .first()
      .waitFor({ timeout: 20_000 });
    await tab.locator('prm-registration-list').getByText('Status').first().waitFor();
    await snapshot(tab, 'example-intranet-html');
    expect(errors).toEqual([]);
  });
});
