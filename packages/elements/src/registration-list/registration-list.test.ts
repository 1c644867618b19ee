import { MOCK_ACCOUNT_IDS } from '@openprm/mock';
import { createPrmClient } from '@openprm/sdk';
import { html } from 'lit';
import { describe, expect, inject, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { mockWorld } from '../test-support/mock-client.js';
import { mount, nextEvent, shadow, textOf } from '../test-support/render.js';
import '../provider/define.js';
import './define.js';
import type { PrmRegistrationList } from './registration-list.js';

const A = MOCK_ACCOUNT_IDS;
type Client = ReturnType<ReturnType<typeof mockWorld>['client']>;

const rows = (element: Element) => [...shadow(element).querySelectorAll('[part="row"]')];
const rowOf = (element: Element, text: string) => {
  const row = rows(element).find((candidate) => textOf(candidate).includes(text));
  if (!row) throw new Error(`no row with "${text}" in: ${textOf(shadow(element))}`);
  return row;
};
const toggleOf = (row: Element) => row.querySelector('[part="expand-button"]') as HTMLButtonElement;
const announcement = (element: Element) =>
  textOf(shadow(element).querySelector('[part="announcement"]'));

/** Mounts the list and waits for its first page (and the account names) to show. */
const mountList = async (
  client: Client,
  options: { view?: string; waitFor?: string; timeout?: number } = {},
) => {
  const element = await mount<PrmRegistrationList>(
    html`<prm-registration-list .client=${client} view=${options.view ?? ''}></prm-registration-list>`,
  );
  await vi.waitFor(() => expect(textOf(shadow(element))).toContain(options.waitFor ?? 'Showing'), {
    timeout: options.timeout ?? 5_000,
  });
  return element;
};

describe('<prm-registration-list> partner view', () => {
  it('lists the partner’s registrations with status in words, countdowns and the rejection reason', async () => {
    const element = await mountList(mockWorld().client('partner1'), {
      waitFor: 'ACME Deutschland GmbH',
    });
    expect(textOf(shadow(element).querySelector('h2'))).toBe('Your registrations');
    expect(rows(element)).toHaveLength(3);

    const submitted = rowOf(element, 'Alderfen');
    expect(textOf(submitted.querySelector('[part="status"]'))).toBe('◷Submitted');
    expect(textOf(submitted.querySelector('[part="deadline"]'))).toMatch(
      /^Decision due (in \d+ (hours|days)|tomorrow)$/,
    );

    const approved = rowOf(element, 'ACME Deutschland GmbH');
    expect(textOf(approved.querySelector('[part="status"]'))).toContain('Approved');
    expect(textOf(approved.querySelector('[part="deadline"]'))).toMatch(
      /^Expires in \d+ days \(.+\)$/,
    );
    expect(textOf(approved)).toContain('Contested');

    const rejected = rowOf(element, 'Rejected');
    expect(textOf(rejected.querySelector('[part="rejection"]'))).toMatch(
      /Reason: .+ Code: Vendor-direct account \(vendor_direct_account\)/,
    );
    await expectNoAxeViolations(element);
  });

  it('filters by status', async () => {
    const element = await mountList(mockWorld().client('partner1'));
    await userEvent.selectOptions(page.getByLabelText('Status'), 'approved');
    await vi.waitFor(() => expect(rows(element)).toHaveLength(1));
    expect(element.status).toBe('approved');
    expect(textOf(rows(element)[0]?.querySelector('[part="status"]'))).toContain('Approved');

    await userEvent.selectOptions(page.getByLabelText('Status'), 'won');
    await vi.waitFor(() =>
      expect(textOf(shadow(element))).toContain('No registrations with this status.'),
    );
  });

  it('opens a row from the keyboard and shows its audit timeline and conflicts', async () => {
    const element = await mountList(mockWorld().client('partner1'), {
      waitFor: 'ACME Deutschland GmbH',
    });
    const first = toggleOf(rows(element)[0] as Element);
    await userEvent.tab(); // the status filter
    await userEvent.tab(); // the first row's expand button
    expect(shadow(element).activeElement).toBe(first);

    const approved = rowOf(element, 'ACME Deutschland GmbH');
    toggleOf(approved).focus();
    await userEvent.keyboard('{Enter}');
    expect(toggleOf(approved).getAttribute('aria-expanded')).toBe('true');
    await vi.waitFor(() => expect(approved.querySelector('[part="timeline"]')).not.toBeNull());
    const timeline = textOf(approved.querySelector('[part="timeline"]'));
    expect(timeline).toContain('Submitted');
    expect(timeline).toContain('Approved');
    expect(timeline).toContain('Submitted → Approved');
    const conflicts = textOf(approved.querySelector('[part="conflicts"]'));
    expect(conflicts).toContain('This registration');
    expect(conflicts).toContain('Priority: ours — this registration came first');
    await expectNoAxeViolations(element);

    await userEvent.keyboard('{Enter}');
    expect(toggleOf(approved).getAttribute('aria-expanded')).toBe('false');
  });

  it('refuses an extension with invalid days and requests a valid one', async () => {
    const element = await mountList(mockWorld().client('partner1'), {
      waitFor: 'ACME Deutschland GmbH',
    });
    const approved = rowOf(element, 'ACME Deutschland GmbH');
    await userEvent.click(toggleOf(approved));
    const justification = page.getByLabelText('Justification');
    const days = page.getByLabelText('Days (1–180)');
    await userEvent.fill(justification, 'The customer moved the board meeting to next quarter.');
    await userEvent.fill(days, '365');
    await userEvent.click(page.getByRole('button', { name: 'Request extension' }));
    await vi.waitFor(() =>
      expect(textOf(approved.querySelector('[part="field-error"]'))).toContain(
        'Enter a whole number of days from 1 to 180.',
      ),
    );
    const daysInput = approved.querySelector('input[name="days"]') as HTMLInputElement;
    expect(daysInput.getAttribute('aria-invalid')).toBe('true');
    expect(shadow(element).activeElement).toBe(daysInput);
    await expectNoAxeViolations(element);

    const changed = nextEvent('prm-registration-changed');
    await userEvent.fill(days, '30');
    await userEvent.click(page.getByRole('button', { name: 'Request extension' }));
    const event = await changed;
    expect(event.action).toBe('request-extension');
    expect(event.registration.extensions.at(-1)).toMatchObject({ days: 30, status: 'requested' });
    await vi.waitFor(() => expect(announcement(element)).toBe('Extension of 30 days requested.'));
    expect(textOf(approved.querySelector('[part="extensions"]'))).toContain(
      '30 days — waiting for a decision',
    );
  });

  it('withdraws after a confirmation', async () => {
    const element = await mountList(mockWorld().client('partner1'), { waitFor: 'Alderfen' });
    const submitted = rowOf(element, 'Alderfen');
    await userEvent.click(toggleOf(submitted));
    await userEvent.click(page.getByRole('button', { name: 'Withdraw', exact: true }));
    expect(textOf(submitted)).toContain('Withdraw this registration? This cannot be undone.');
    const changed = nextEvent('prm-registration-changed');
    await userEvent.click(page.getByRole('button', { name: 'Withdraw registration' }));
    const event = await changed;
    expect(event.action).toBe('withdraw');
    expect(event.registration.status).toBe('withdrawn');
    await vi.waitFor(() =>
      expect(textOf(submitted.querySelector('[part="status"]'))).toContain('Withdrawn'),
    );
    expect(announcement(element)).toBe('Registration withdrawn.');
  });

  it('shows a refused action readably at its row (409 invalid_transition)', async () => {
    const world = mockWorld();
    const client = world.client('partner1');
    const element = await mountList(client, { waitFor: 'Alderfen' });
    const submitted = rowOf(element, 'Alderfen');
    const id = (await client.registrations.list({ status: 'submitted' })).data[0]?.id ?? '';
    await client.registrations.withdraw(id); // elsewhere, meanwhile
    await userEvent.click(toggleOf(submitted));
    await userEvent.click(page.getByRole('button', { name: 'Withdraw', exact: true }));
    await userEvent.click(page.getByRole('button', { name: 'Withdraw registration' }));
    await vi.waitFor(() =>
      expect(textOf(submitted.querySelector('[part="row-error"]'))).toContain(
        'This registration has changed meanwhile; its status no longer allows this.',
      ),
    );
    await expectNoAxeViolations(element);
  });

  it('adds a comment, refusing an empty one', async () => {
    const element = await mountList(mockWorld().client('partner1'), { waitFor: 'Alderfen' });
    const submitted = rowOf(element, 'Alderfen');
    await userEvent.click(toggleOf(submitted));
    await userEvent.click(page.getByRole('button', { name: 'Add comment' }));
    await vi.waitFor(() =>
      expect(textOf(submitted.querySelector('[part="field-error"]'))).toContain(
        'Write a comment first.',
      ),
    );
    const changed = nextEvent('prm-registration-changed');
    await userEvent.fill(page.getByLabelText('Comment', { exact: true }), 'Budget is approved.');
    await userEvent.click(page.getByRole('button', { name: 'Add comment' }));
    expect((await changed).action).toBe('comment');
    await vi.waitFor(() =>
      expect(textOf(submitted.querySelector('[part="comments"]'))).toContain('Budget is approved.'),
    );
  });
  it('refresh() reloads in place: an opened row stays open and shows changes made elsewhere', async () => {
    const world = mockWorld();
    const client = world.client('partner1');
    const element = await mountList(client, { waitFor: 'Alderfen' });
    const submitted = rowOf(element, 'Alderfen');
    await userEvent.click(toggleOf(submitted));
    await vi.waitFor(() => expect(submitted.querySelector('[part="timeline"]')).not.toBeNull());
    const id = toggleOf(submitted).id.replace('toggle-', '');
    await world.client('manager').registrations.approve(id, {});
    await element.refresh();
    await vi.waitFor(() =>
      expect(textOf(submitted.querySelector('[part="status"]'))).toContain('Approved'),
    );
    expect(toggleOf(submitted).getAttribute('aria-expanded')).toBe('true');
    await vi.waitFor(() =>
      expect(textOf(submitted.querySelector('[part="timeline"]'))).toContain(
        'Submitted → Approved',
      ),
    );
  });
});

describe('<prm-registration-list> vendor queue', () => {
  it('lists submitted registrations by due time with SLA breaches first, in words', async () => {
    const world = mockWorld();
    const client = world.client('manager');
    const element = await mountList(client, { waitFor: 'Umbrella' });
    expect(textOf(shadow(element).querySelector('h2'))).toBe(
      'Registrations waiting for a decision',
    );
    const submitted = (await client.registrations.list({ status: 'submitted' })).data;
    const expected = [...submitted]
      .sort(
        (a, b) =>
          Number(b.slaBreached) - Number(a.slaBreached) ||
          a.decisionDueAt.localeCompare(b.decisionDueAt),
      )
      .map((registration) => registration.accountId);
    const shown = rows(element).map((row) => toggleOf(row).id.replace('toggle-', ''));
    const byId = new Map(submitted.map((r) => [r.id, r.accountId]));
    expect(shown.map((id) => byId.get(id))).toEqual(expected);
    expect(expected[0]).toBe(A.umbrella);

    const first = rows(element)[0] as Element;
    expect(textOf(first.querySelector('[part~="sla-flag"]'))).toBe('⚠SLA breached');
    expect(textOf(first.querySelector('[part="deadline"]'))).toMatch(
      /^Decision was due (yesterday|\d+ (hours|days) ago)$/,
    );
    expect(rows(element).filter((row) => row.querySelector('[part~="sla-flag"]'))).toHaveLength(1);
    expect(textOf(first.querySelector('[part="partner"]'))).toBe('Veltmann Distribution');
    await expectNoAxeViolations(element);
  });

  it('refuses a rejection without a reason, then rejects and moves focus to the next row', async () => {
    const element = await mountList(mockWorld().client('manager'), { waitFor: 'Umbrella' });
    const [first, second] = rows(element) as [Element, Element];
    await userEvent.click(first.querySelector('[part="reject-button"]') as HTMLElement);
    const code = first.querySelector('select[name="code"]') as HTMLSelectElement;
    expect(shadow(element).activeElement).toBe(code);
    await expectNoAxeViolations(element);

    await userEvent.selectOptions(code, 'not_qualified');
    await userEvent.click(page.getByRole('button', { name: 'Reject registration' }));
    await vi.waitFor(() =>
      expect(textOf(first.querySelector('[part="field-error"]'))).toContain(
        'Give the partner a reason.',
      ),
    );
    const reason = first.querySelector('textarea[name="reason"]') as HTMLTextAreaElement;
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(shadow(element).activeElement).toBe(reason);
    expect(rows(element)).toHaveLength(3);
    await expectNoAxeViolations(element);

    const changed = nextEvent('prm-registration-changed');
    await userEvent.fill(reason, 'Below the minimum deal size of the program.');
    await userEvent.click(page.getByRole('button', { name: 'Reject registration' }));
    const event = await changed;
    expect(event.action).toBe('reject');
    expect(event.registration.rejection).toMatchObject({
      code: 'not_qualified',
      reason: 'Below the minimum deal size of the program.',
    });
    await vi.waitFor(() => expect(rows(element)).toHaveLength(2));
    expect(rows(element)[0]).toBe(second);
    await vi.waitFor(() => expect(shadow(element).activeElement).toBe(toggleOf(second)));
    expect(announcement(element)).toBe('Umbrella Health plc rejected.');
  });

  it('closes a decision form with Escape and returns the focus to its button', async () => {
    const element = await mountList(mockWorld().client('manager'), { waitFor: 'Umbrella' });
    const first = rows(element)[0] as Element;
    const reject = first.querySelector('[part="reject-button"]') as HTMLButtonElement;
    reject.focus();
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(first.querySelector('[part="reject-form"]')).not.toBeNull());
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(first.querySelector('[part="reject-form"]')).toBeNull());
    await vi.waitFor(() =>
      expect(shadow(element).activeElement).toBe(first.querySelector('[part="reject-button"]')),
    );
  });

  it('stays axe clean on a dark page with the reject form open', async () => {
    const client = mockWorld().client('manager');
    await mount<HTMLElement>(
      html`<div style="color-scheme: dark; background: #0b1220; padding: 1rem">
        <prm-registration-list .client=${client}></prm-registration-list>
      </div>`,
    );
    const element = document.querySelector('prm-registration-list') as PrmRegistrationList;
    await vi.waitFor(() => expect(textOf(shadow(element))).toContain('Umbrella'));
    await userEvent.click(rows(element)[0]?.querySelector('[part="reject-button"]') as HTMLElement);
    await userEvent.click(page.getByRole('button', { name: 'Reject registration' }));
    await vi.waitFor(() =>
      expect(shadow(element).querySelector('[part="field-error"]')).not.toBeNull(),
    );
    await expectNoAxeViolations(element);
  });

  it('approves with an optional note and focuses the nearest remaining row', async () => {
    const element = await mountList(mockWorld().client('manager'), { waitFor: 'Alderfen' });
    const alderfen = rowOf(element, 'Alderfen');
    const munich = rowOf(element, 'ACME Munich Office');
    await userEvent.click(alderfen.querySelector('[part="approve-button"]') as HTMLElement);
    const changed = nextEvent('prm-registration-changed');
    await userEvent.fill(page.getByLabelText('Note (optional)'), 'Welcome aboard.');
    await userEvent.click(page.getByRole('button', { name: 'Confirm approval' }));
    const event = await changed;
    expect(event.action).toBe('approve');
    expect(event.registration.status).toBe('approved');
    await vi.waitFor(() => expect(rows(element)).toHaveLength(2));
    expect(announcement(element)).toMatch(/^Alderfen.* approved\.$/);
    await vi.waitFor(() => expect(shadow(element).activeElement).toBe(toggleOf(munich)));
  });

  it('shows a refused approval at its row (422 rule_refused) and keeps the row', async () => {
    const element = await mountList(mockWorld().client('manager'), { waitFor: 'Munich' });
    const munich = rowOf(element, 'ACME Munich Office');
    await userEvent.click(munich.querySelector('[part="approve-button"]') as HTMLElement);
    await userEvent.click(page.getByRole('button', { name: 'Confirm approval' }));
    await vi.waitFor(() =>
      expect(textOf(munich.querySelector('[part="row-error"]'))).toContain(
        'The program rules do not allow this.',
      ),
    );
    expect(rows(element)).toHaveLength(3);
    await expectNoAxeViolations(element);
  });

  it('moves focus to the status message when the queue is done', async () => {
    const world = mockWorld();
    const manager = world.client('manager');
    const queue = (await manager.registrations.list({ status: 'submitted' })).data;
    for (const registration of queue.slice(1)) {
      await manager.registrations.reject(registration.id, { code: 'duplicate', reason: 'Test.' });
    }
    const element = await mountList(manager, { waitFor: 'Decision' });
    expect(rows(element)).toHaveLength(1);
    await userEvent.click(page.getByRole('button', { name: /^Reject / }));
    await userEvent.selectOptions(page.getByLabelText('Rejection code'), 'duplicate');
    await userEvent.fill(page.getByLabelText('Reason (the partner reads it)'), 'Registered twice.');
    await userEvent.click(page.getByRole('button', { name: 'Reject registration' }));
    await vi.waitFor(() =>
      expect(announcement(element)).toContain('Nothing more waiting for a decision.'),
    );
    expect(shadow(element).activeElement).toBe(
      shadow(element).querySelector('[part="announcement"]'),
    );
    expect(textOf(shadow(element))).toContain('Nothing waiting for a decision.');
    await expectNoAxeViolations(element);
  });

  it('shows overlapping claims side by side with priority in words (conflict scenario)', async () => {
    const element = await mountList(mockWorld({ scenario: 'conflict' }).client('manager'), {
      waitFor: 'Northquay Systems',
    });
    const munich = rowOf(element, 'ACME Munich Office');
    expect(textOf(munich.querySelector('[part~="contested-flag"]'))).toBe('⚑Contested');
    const mine = textOf(munich.querySelector('[part~="this-claim"]'));
    const theirs = textOf(munich.querySelector('[part~="other-claim"]'));
    expect(mine).toContain('This registration');
    expect(mine).toContain('Status: Submitted');
    expect(theirs).toContain('Other claim: Another registration');
    expect(theirs).toContain('Status: Approved');
    expect(theirs).toContain('Priority: theirs — the other claim came first');
    expect(theirs).toMatch(/Registration reg_\w+/);
    expect(theirs).toContain('Partner: Northquay Systems');
    await expectNoAxeViolations(element);
  });

  it('loads more on demand instead of 10,000 rows at once (large scenario)', async () => {
    const element = await mountList(mockWorld({ scenario: 'large' }).client('manager'), {
      timeout: 45_000,
    });
    expect(rows(element)).toHaveLength(25);
    await userEvent.click(page.getByRole('button', { name: 'Load more' }));
    await vi.waitFor(() => expect(rows(element)).toHaveLength(50));
    expect(announcement(element)).toBe('25 more loaded.');
    expect(shadow(element).activeElement).toBe(toggleOf(rows(element)[25] as Element));
    expect(new Set(rows(element).map((row) => toggleOf(row).id)).size).toBe(50);
  }, 60_000);
});

describe('<prm-registration-list> states', () => {
  it('says so when there is nothing, for a partner and for the queue', async () => {
    const world = mockWorld({ scenario: 'empty' });
    const partner = await mountList(world.client('partner1'), { waitFor: 'No registrations yet.' });
    await expectNoAxeViolations(partner);
    const queue = await mountList(world.client('manager'), {
      waitFor: 'Nothing waiting for a decision.',
    });
    await expectNoAxeViolations(queue);
  });

  it('shows a server error with a retry that recovers', async () => {
    let failing = true;
    const world = mockWorld();
    const client = createPrmClient({
      baseUrl: 'http://prm.test',
      token: 'prm_demo_partner1',
      maxRetries: 0,
      fetch: (input, init) =>
        failing
          ? Promise.resolve(
              new Response(
                JSON.stringify({
                  type: 'about:blank',
                  title: 'Internal error',
                  status: 500,
                  code: 'internal_error',
                  detail: 'The database is restarting.',
                }),
                { status: 500, headers: { 'content-type': 'application/problem+json' } },
              ),
            )
          : world.fetch(input, init),
    });
    const element = await mount<PrmRegistrationList>(
      html`<prm-registration-list .client=${client}></prm-registration-list>`,
    );
    await vi.waitFor(() => expect(textOf(shadow(element))).toContain('Something went wrong.'));
    expect(textOf(shadow(element))).toContain('The database is restarting.');
    await expectNoAxeViolations(element);
    failing = false;
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(rows(element)).toHaveLength(3));
  });

  it('shows that it is offline', async () => {
    const client = createPrmClient({
      baseUrl: 'http://prm.test',
      token: 'prm_demo_partner1',
      maxRetries: 0,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const element = await mount<PrmRegistrationList>(
      html`<prm-registration-list .client=${client}></prm-registration-list>`,
    );
    await vi.waitFor(() => expect(textOf(shadow(element))).toContain('offline'));
    expect(page.getByRole('button', { name: 'Try again' }).element()).toBeTruthy();
  });

  it('speaks German from the nearest lang attribute', async () => {
    const client = mockWorld().client('partner1');
    await mount<HTMLElement>(
      html`<div lang="de"><prm-registration-list .client=${client}></prm-registration-list></div>`,
    );
    const element = document.querySelector('prm-registration-list') as PrmRegistrationList;
    await vi.waitFor(() => expect(textOf(shadow(element))).toContain('Ihre Registrierungen'));
    const submitted = rowOf(element, 'Eingereicht');
    expect(textOf(submitted.querySelector('[part="deadline"]'))).toMatch(
      /^Entscheidung fällig (in \d+ (Stunden|Tagen)|morgen|übermorgen)$/,
    );
    expect(textOf(shadow(element))).toMatch(/180\.000,00\s€/);
    expect(textOf(shadow(element))).toContain('Begründung:');
  });

  it('renders hostile account names, notes and comments as text', async () => {
    const world = mockWorld();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const state = await world.api.state();
    const account = state.accounts.get(A.alderfen);
    if (account) account.name = hostile;
    for (const registration of state.registrations.values()) registration.notes = hostile;
    const client = world.client('partner1');
    const id = (await client.registrations.list({ status: 'submitted' })).data[0]?.id ?? '';
    await client.registrations.comment(id, { body: hostile });
    const element = await mountList(client, { waitFor: hostile });
    await userEvent.click(toggleOf(rowOf(element, hostile)));
    await vi.waitFor(() =>
      expect(textOf(shadow(element).querySelector('[part="comments"]'))).toContain(hostile),
    );
    expect(shadow(element).querySelector('img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows the queue to a manager against the real server (smoke)', async () => {
    await mount<HTMLElement>(
      html`<prm-provider base-url=${inject('realServerUrl')} token="prm_demo_manager">
        <prm-registration-list></prm-registration-list>
      </prm-provider>`,
    );
    const element = document.querySelector('prm-registration-list') as PrmRegistrationList;
    await vi.waitFor(
      () =>
        expect(textOf(shadow(element))).toMatch(
          /Registrations waiting for a decision.*(Decision (was )?due|Nothing waiting)/,
        ),
      { timeout: 10_000 },
    );
  });
});
