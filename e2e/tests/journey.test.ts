import type { PrmEvent } from '@openprm/core';
import { createPrmClient, verifyWebhookSignature } from '@openprm/sdk';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, snapshot, watchForErrors } from '../support/browser.js';
import { startDemoServer } from '../support/real-server.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

const ACCOUNT = 'Eldergrove Aerospace Group';
const PARTNER1 = 'ptr_northquay';

/** The text a person sees in an element, its shadow roots included (textContent stops at them). */
const visibleText = (locator: Locator): Promise<string> =>
  locator
    .evaluate((root) => {
      const walk = (node: Node): string => {
        if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
        if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
        const children = [...((node as Element).shadowRoot?.childNodes ?? []), ...node.childNodes];
        return children.map(walk).join(' ');
      };
      return walk(root).replace(/\s+/g, ' ');
    })
    .catch(() => '');

/** Waits until the locator's text matches, re-reading it as the page updates. */
const waitForText = async (locator: Locator, pattern: RegExp, timeout = 20_000) => {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = await visibleText(locator);
    if (pattern.test(text)) return text;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${pattern} in: ${text.slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/** The partner 1 light texts of the board's row, read from the cells' accessible labels. */
const boardRowOf = async (page: Page) => {
  const board = page.locator('prm-traffic-light-board');
  await board.evaluate((element) => {
    (element as HTMLElement & { search: string }).search = 'Northquay';
  });
  return waitForText(board, /Northquay/);
};

describe.runIf(hasChromium)('the demo portal, as a new user meets it', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let browser: Browser;
  let secret: string;
  const errors: string[] = [];

  const open = async (role: 'partner1' | 'partner2' | 'manager') => {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    errors.push(...watchForErrors(page));
    await page.goto(`${demo.url}/#as=${role}`);
    return page;
  };

  beforeAll(async () => {
    demo = await startDemoServer();
    receiver = await startWebhookReceiver();
    const vendor = createPrmClient({ baseUrl: demo.url, token: 'prm_demo_vendor' });
    ({ secret } = await vendor.webhooks.create({
      url: receiver.url,
      eventTypes: ['registration.approved'],
    }));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await demo?.close();
  });

  it('accepts terms, reserves, registers, gets approved live, moves a light and fires a signed webhook', async () => {
    // Partner 1 arrives with new terms to accept.
    const partner1 = await open('partner1');
    const terms = partner1.locator('prm-contract-acceptance').first();
    await terms.getByRole('checkbox').check();
    await terms.getByRole('button', { name: 'Accept' }).click();
    await waitForText(terms, /accepted on/);
    await snapshot(partner1, '01-partner1-accepted-terms');

    // …checks the account and reserves it…
    const check = partner1.locator('prm-reservation-check');
    await waitForText(check, /Open/);
    await check.getByRole('button', { name: 'Reserve' }).click();
    await waitForText(check, /Reserved by you/);

    // …and registers a deal on it.
    const form = partner1.locator('prm-registration-form');
    await form.getByRole('combobox', { name: /Customer account/ }).fill('Eldergrove');
    await form
      .getByRole('option', { name: new RegExp(ACCOUNT) })
      .first()
      .click();
    await waitForText(form, /Reserved by you/);
    await form.getByLabel('Products').fill('Storage');
    await form.getByLabel('Products').press('Enter');
    await form.getByLabel('Estimated value').fill('250000');
    await form.getByLabel('Expected close date').fill('2027-03-31');
    await form.getByRole('button', { name: 'Register deal' }).click();
    await waitForText(form, /Decision due by/);
    await snapshot(partner1, '02-partner1-registered');
    const partner1List = partner1.locator('prm-registration-list');
    await waitForText(partner1List, new RegExp(ACCOUNT));

    // Partner 2 sees the account reserved by someone else.
    const partner2 = await open('partner2');
    await waitForText(partner2.locator('prm-reservation-check'), /Reserved by another partner/);
    await snapshot(partner2, '03-partner2-sees-reserved');

    // The channel manager finds it in the queue with its due time, and approves.
    const manager = await open('manager');
    const queue = manager.locator('prm-registration-list');
    await waitForText(queue, new RegExp(ACCOUNT));
    const before = await boardRowOf(manager);
    await manager
      .getByRole('button', { name: `Approve ${ACCOUNT}` })
      .first()
      .click();
    await queue.getByRole('button', { name: 'Confirm approval' }).click();
    await waitForText(queue, new RegExp(`${ACCOUNT} approved`));
    await snapshot(manager, '04-manager-approved');

    // Partner 1's list shows the approval live, without a reload.
    await waitForText(partner1List, /Approved/);
    await snapshot(partner1, '05-partner1-sees-approval-live');

    // The ERP reports partner 1's revenue; the board's light changes live.
    const vendor = createPrmClient({ baseUrl: demo.url, token: 'prm_demo_vendor' });
    await vendor.metrics.record({
      records: [
        {
          partnerId: PARTNER1,
          metric: 'revenue',
          value: 50_000_000,
          on: new Date().toISOString().slice(0, 10),
        },
      ],
    });
    const board = manager.locator('prm-traffic-light-board');
    const deadline = Date.now() + 20_000;
    let after = before;
    while (after === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await visibleText(board);
    }
    expect(after).not.toBe(before);
    await snapshot(manager, '06-manager-board-changed');

    // A webhook receiver got a signed registration.approved.
    const webhookDeadline = Date.now() + 20_000;
    while (receiver.deliveries.length === 0 && Date.now() < webhookDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const [delivery] = receiver.deliveries;
    expect(delivery).toBeDefined();
    const event = JSON.parse(delivery?.rawBody ?? '{}') as PrmEvent;
    expect(event.type).toBe('registration.approved');
    expect(
      await verifyWebhookSignature(
        delivery?.rawBody ?? '',
        delivery?.headers['openprm-signature'] as string,
        secret,
      ),
    ).toBe(true);

    expect(errors).toEqual([]);
  });
});
