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
import type { PrmReservationCheck } from './reservation-check.js';

const A = MOCK_ACCOUNT_IDS;

const badge = (element: Element) => textOf(shadow(element).querySelector('[part="badge"]'));

const mountCheck = async (accountId: string, client = mockWorld().client('partner1')) => {
  const element = await mount<PrmReservationCheck>(
    html`<prm-reservation-check account-id=${accountId} .client=${client}></prm-reservation-check>`,
  );
  await vi.waitFor(() => expect(shadow(element).querySelector('[part="badge"]')).not.toBeNull());
  return element;
};

describe('<prm-reservation-check>', () => {
  it('shows an open account in words and reserves it with one click, announcing the change', async () => {
    const element = await mountCheck(A.umbrella);
    expect(badge(element)).toContain('Open');
    await expectNoAxeViolations(element);

    const changed = nextEvent('prm-reservation-changed');
    await userEvent.click(page.getByRole('button', { name: 'Reserve' }));
    const event = await changed;
    expect(event.check.status).toBe('reserved_by_you');
    expect(event.reservation?.accountId).toBe(A.umbrella);
    await vi.waitFor(() => expect(badge(element)).toContain('Reserved by you'));
    expect(textOf(shadow(element))).toMatch(/Reserved until/);
    await expectNoAxeViolations(element);
  });

  it('releases the caller’s own reservation from the keyboard', async () => {
    const client = mockWorld().client('partner1');
    await client.reservations.reserve({ accountId: A.umbrella });
    const element = await mountCheck(A.umbrella, client);
    expect(badge(element)).toContain('Reserved by you');
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(badge(element)).toContain('Open'));
  });

  it('tells a partner another partner holds the account, without a reserve button', async () => {
    const world = mockWorld();
    await world.client('partner2').reservations.reserve({ accountId: A.umbrella });
    const element = await mountCheck(A.umbrella, world.client('partner1'));
    expect(badge(element)).toContain('Reserved by another partner');
    expect(shadow(element).querySelector('[part="reserve-button"]')).toBeNull();
    await expectNoAxeViolations(element);
  });

  it('renders German texts and dates from the nearest lang attribute', async () => {
    const client = mockWorld().client('partner1');
    await mount<HTMLElement>(
      html`<div lang="de"><prm-reservation-check account-id=${A.umbrella} .client=${client}></prm-reservation-check></div>`,
    );
    const check = document.querySelector('prm-reservation-check') as PrmReservationCheck;
    await vi.waitFor(() => expect(badge(check)).toContain('Frei'));
    expect(textOf(shadow(check))).toContain('Reservieren');
  });

  it('shows an offline error with a retry that recovers', async () => {
    const { client, goOnline } = mockWorld().offlineClient('partner1');
    const element = await mount<PrmReservationCheck>(
      html`<prm-reservation-check account-id=${A.umbrella} .client=${client}></prm-reservation-check>`,
    );
    await vi.waitFor(() => expect(textOf(shadow(element))).toContain('offline'));
    await expectNoAxeViolations(element);
    goOnline();
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(badge(element)).toContain('Open'));
  });

  it('explains that it needs a client when it has none', async () => {
    const element = await mount<PrmReservationCheck>(
      html`<prm-reservation-check account-id=${A.umbrella}></prm-reservation-check>`,
    );
    await vi.waitFor(() => expect(textOf(shadow(element))).toContain('Not connected'));
  });

  it('renders a hostile account name as text', async () => {
    const world = mockWorld();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const account = (await world.api.state()).accounts.get(A.umbrella);
    if (account) account.name = hostile;
    const element = await mountCheck(A.umbrella, world.client('partner1'));
    expect(shadow(element).querySelector('img')).toBeNull();
    expect(textOf(shadow(element).querySelector('[part="account"]'))).toContain(hostile);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('works against the real server through a provider (smoke)', async () => {
    await mount<HTMLElement>(
      html`<prm-provider base-url=${inject('realServerUrl')} token="prm_demo_partner2">
        <prm-reservation-check account-id="acc_tidewhistle"></prm-reservation-check>
      </prm-provider>`,
    );
    const check = document.querySelector('prm-reservation-check') as PrmReservationCheck;
    await vi.waitFor(() => expect(textOf(shadow(check))).toMatch(/Open|Reserved|Vendor-direct/), {
      timeout: 10_000,
    });
  });

  it('follows the account live inside <prm-provider live> when it is reserved elsewhere', async () => {
    const url = inject('realServerUrl');
    await mount<HTMLElement>(
      html`<prm-provider base-url=${url} token="prm_demo_partner2" live>
        <prm-reservation-check account-id="acc_caskerton"></prm-reservation-check>
      </prm-provider>`,
    );
    const check = document.querySelector('prm-reservation-check') as PrmReservationCheck;
    await vi.waitFor(() => expect(badge(check)).toContain('Open'), { timeout: 10_000 });
    // The vendor reserves it for partner 2 from elsewhere (a CRM, another tab): no click here.
    const vendor = createPrmClient({ baseUrl: url, token: 'prm_demo_vendor' });
    await vendor.reservations.reserve({ accountId: 'acc_caskerton', partnerId: 'ptr_veltmann' });
    await vi.waitFor(() => expect(badge(check)).toContain('Reserved by you'), { timeout: 10_000 });
  });
});
