// Every story of the built Storybook (storybook-static/, `npm run build-storybook`), opened in real
// Chromium: it renders its element, logs no error, and axe finds no WCAG 2.x A/AA violation.
// Stories are what designers and integrators look at first; a story that breaks is a bug report.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, ConsoleMessage, Page, Request } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, chromiumFor } from '../../../../scripts/chromium.mjs';
import { serveDirectory } from './static-server.js';

/** The built Storybook; OPENPRM_STORYBOOK_DIR points at another build (e.g. one in /tmp). */
const staticDir = `${process.env.OPENPRM_STORYBOOK_DIR ?? fileURLToPath(new URL('../../storybook-static', import.meta.url))}/`;
const indexFile = `${staticDir}index.json`;
const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const hasChromium = chromiumFor('elements: stories in Chromium');

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  importPath: string;
}
const entries: IndexEntry[] = existsSync(indexFile)
  ? Object.values(
      (JSON.parse(readFileSync(indexFile, 'utf8')) as { entries: Record<string, IndexEntry> })
        .entries,
    )
  : [];
const stories = entries.filter((entry) => entry.type === 'story');
/** The written docs pages (docs/*.mdx); the generated per-element pages show the same stories. */
const docsPages = entries.filter((entry) => entry.importPath.endsWith('.mdx'));

/**
 * A Loading story holds its requests open (mock latency of a minute): it is ready once rendered,
 * without waiting for data. It gets the same axe check, with no exception: a loading state must be
 * accessible too.
 */
const isLoadingStory = (story: IndexEntry) => /(^|-)loading$/.test(story.id);

const RENDER_TIMEOUT = 20_000;

/**
 * The a11y addon would run its own axe after each render (only one axe run may be in flight at a
 * time); switch it to manual mode, as its panel's toggle does, and run axe here with our tags.
 */
const A11Y_ADDON_OFF = 'globals=a11y.manual:!true';

/**
 * Chromium logs every failed request itself ("Failed to load resource: … 500", "net::ERR_FAILED").
 * For the API (/v1/…) that is the story's point — ServerError, Offline, Conflict scenarios answer
 * with errors on purpose — so those lines are ignored; anything else the page logs as an error,
 * and any asset that fails to load, fails the story.
 */
const isDeliberateApiFailure = (message: ConsoleMessage) =>
  message.text().startsWith('Failed to load resource') &&
  URL.canParse(message.location().url) &&
  new URL(message.location().url).pathname.startsWith('/v1/');

/**
 * Runs in the page. Returns why the story is not ready yet, or '' once it is: its `prm-*`
 * elements (not the provider) have rendered their shadow content, msw's worker controls the page,
 * and — except in a Loading story, whose requests never finish — no loading view is left.
 */
const notReadyReason = async (expectLoading: boolean): Promise<string> => {
  const root = document.querySelector('#storybook-root');
  if (!root) return 'no #storybook-root';
  const isPrm = (element: Element) =>
    element.localName.startsWith('prm-') && element.localName !== 'prm-provider';
  const hosts = [...root.querySelectorAll('*')].filter(isPrm);
  if (hosts.length === 0) return 'no prm-* element in the story';
  await Promise.all(
    hosts.map((host) => (host as Element & { updateComplete?: unknown }).updateComplete),
  );
  const empty = hosts.find((host) => !host.shadowRoot || host.shadowRoot.childElementCount === 0);
  if (empty) return `<${empty.localName}> has rendered no shadow content`;
  if (!navigator.serviceWorker.controller) return "msw's service worker does not control the page";
  let loadingViews = 0;
  const visit = (scope: ParentNode) => {
    loadingViews += scope.querySelectorAll('[part~="loading"]').length;
    for (const element of scope.querySelectorAll('*')) {
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  if (!expectLoading && loadingViews > 0) return 'still loading';
  return '';
};

/**
 * API requests (/v1/…) in flight: a story has its data once none is left. An event stream (the
 * provider's live updates) stays open by design and does not count.
 */
const apiRequests = new Set<Request>();
const isApiRequest = (request: Request) =>
  new URL(request.url()).pathname.startsWith('/v1/') &&
  request.resourceType() !== 'eventsource' &&
  !request.headers().accept?.includes('text/event-stream');

const waitUntilReady = async (page: Page, expectLoading: boolean): Promise<void> => {
  const deadline = Date.now() + RENDER_TIMEOUT;
  const check = async () =>
    !expectLoading && apiRequests.size > 0
      ? `${apiRequests.size} API request(s) unanswered`
      : page.evaluate(notReadyReason, expectLoading);
  let reason = await check();
  while (reason && Date.now() < deadline) {
    await page.waitForTimeout(100);
    reason = await check();
  }
  expect(reason, 'the story did not render').toBe('');
};

const axeViolations = (page: Page, rootSelector = '#storybook-root'): Promise<string[]> =>
  page.evaluate(async (selector) => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const root = document.querySelector(selector) as Element;
    const results = await axe.run(root, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
      },
      resultTypes: ['violations'],
    });
    return results.violations.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes[0]?.target.join(' ')}`,
    );
  }, rootSelector);

/**
 * Opens a story. The first loads Storybook's preview (and axe); the next ones switch stories in
 * the same preview through Storybook's channel, as its sidebar does — about a second less per
 * story than loading the preview again. Each story still gets its own msw handlers (the addon's
 * loader runs per story) and a fresh element.
 */
let previewLoaded = false;
const showStory = async (page: Page, storyId: string): Promise<void> => {
  if (!previewLoaded) {
    await page.goto(`${serverUrl}/iframe.html?id=${storyId}&viewMode=story&${A11Y_ADDON_OFF}`);
    await page.addScriptTag({ path: axeScript });
    previewLoaded = true;
    return;
  }
  const outcome = await page.evaluate(
    (id) =>
      new Promise<string>((resolve) => {
        const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: StorybookChannel })
          .__STORYBOOK_ADDONS_CHANNEL__;
        // storyRendered and storyMissing name the story; a late event of another is ignored.
        const finish = (result: string) => (payload?: unknown) => {
          if (typeof payload === 'string' && payload !== id) return;
          for (const [event, listener] of listeners) channel.off(event, listener);
          resolve(result);
        };
        const listeners: [string, (payload?: unknown) => void][] = [
          ['storyRendered', finish('')],
          ['storyErrored', finish('the story errored')],
          ['storyThrewException', finish('the story threw')],
          ['storyMissing', finish('the story is missing')],
        ];
        for (const [event, listener] of listeners) channel.on(event, listener);
        channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
      }),
    storyId,
  );
  expect(outcome, `Storybook could not show ${storyId}`).toBe('');
};

interface StorybookChannel {
  on(event: string, listener: (payload?: unknown) => void): void;
  off(event: string, listener: (payload?: unknown) => void): void;
  emit(event: string, payload: unknown): void;
}

let serverUrl = '';

describe.skipIf(!hasChromium)('stories in Chromium', () => {
  let browser: Browser | undefined;
  let page: Page;
  let server: Awaited<ReturnType<typeof serveDirectory>> | undefined;
  const errors: string[] = [];

  beforeAll(async () => {
    if (entries.length === 0) return;
    server = await serveDirectory(staticDir);
    serverUrl = server.url;
    const { chromium } = await import('playwright');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    // One page for every story: the service worker installs once and assets stay cached.
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (isApiRequest(request)) apiRequests.add(request);
    });
    page.on('requestfinished', (request) => apiRequests.delete(request));
    page.on('requestfailed', (request) => apiRequests.delete(request));
    page.on('console', (message) => {
      if (message.type() !== 'error' || isDeliberateApiFailure(message)) return;
      errors.push(`console error: ${message.text()} (${message.location().url})`);
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('storybook-static has been built (`npm run build-storybook`; `npm test` builds it first)', () => {
    expect(existsSync(indexFile), `${indexFile} is missing`).toBe(true);
    expect(stories.length).toBeGreaterThan(0);
  });

  it.each(stories)(
    '$title › $name renders without errors and is axe clean',
    async (story) => {
      errors.length = 0;
      apiRequests.clear();
      await showStory(page, story.id);
      await waitUntilReady(page, isLoadingStory(story));
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    },
    RENDER_TIMEOUT + 15_000,
  );

  it.each(docsPages)(
    'docs page $title renders without errors and is axe clean',
    async (entry) => {
      errors.length = 0;
      await page.goto(`${serverUrl}/iframe.html?id=${entry.id}&viewMode=docs`);
      previewLoaded = false;
      await page.waitForSelector('#storybook-docs h1', { timeout: RENDER_TIMEOUT });
      await page.addScriptTag({ path: axeScript });
      expect(await axeViolations(page, '#storybook-docs')).toEqual([]);
      expect(errors).toEqual([]);
    },
    RENDER_TIMEOUT + 15_000,
  );
});
