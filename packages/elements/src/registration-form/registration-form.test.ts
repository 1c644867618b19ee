import { MOCK_ACCOUNT_IDS, MOCK_PARTNER_IDS } from '@openprm/mock';
import { createPrmClient, type PrmClient } from '@openprm/sdk';
import { html } from 'lit';
import { describe, expect, inject, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { mockWorld } from '../test-support/mock-client.js';
import { mount, nextEvent, shadow, textOf } from '../test-support/render.js';
import '../provider/define.js';
import './define.js';
import type { PrmRegistrationForm } from './registration-form.js';

const A = MOCK_ACCOUNT_IDS;

const part = (element: Element, name: string) =>
  shadow(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const lookupOf = (element: Element) =>
  shadow(element).querySelector('prm-account-lookup') as HTMLElement;
const options = (element: Element) => [
  ...shadow(lookupOf(element)).querySelectorAll('[role="option"]'),
];
const focused = (element: Element): Element | null => {
  let active = shadow(element).activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

const mountForm = (client: PrmClient) =>
  mount<PrmRegistrationForm>(
    html`<prm-registration-form .client=${client}></prm-registration-form>`,
  );

/** Chooses an account by typing, then fills products, value and close date. */
const fillForm = async (
  element: PrmRegistrationForm,
  { query, option }: { query: string; option: RegExp },
  product = 'storage',
) => {
  await userEvent.click(page.getByRole('combobox', { name: /Customer account/ }));
  await userEvent.keyboard(query);
  await vi.waitFor(() => expect(options(element).length).toBeGreaterThan(0));
  await userEvent.click(page.getByRole('option', { name: option }).first());
  await userEvent.click(page.getByRole('textbox', { name: 'Products' }));
  await userEvent.keyboard(`${product}{Enter}`);
  await userEvent.fill(page.getByRole('spinbutton', { name: 'Estimated value' }), '120000');
  await userEvent.fill(page.getByLabelText('Expected close date'), '2027-03-31');
};

const submit = () => userEvent.click(page.getByRole('button', { name: 'Register deal' }));

/** A fetch into the mock world that records each registration request's Idempotency-Key. */
const recordingClient = (
  world: ReturnType<typeof mockWorld>,
  token: string,
  failNextSubmit: { count: number } = { count: 0 },
  hold: Promise<void> = Promise.resolve(),
) => {
  const keys: (string | null)[] = [];
  const client = createPrmClient({
    baseUrl: 'http://prm.test',
    token,
    maxRetries: 0,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST' && new URL(request.url).pathname === '/v1/registrations') {
        keys.push(request.headers.get('idempotency-key'));
        if (failNextSubmit.count > 0) {
          failNextSubmit.count -= 1;
          throw new TypeError('Failed to fetch');
        }
        await hold;
      }
      return world.fetch(request);
    },
  });
  return { client, keys };
};

describe('<prm-registration-form>', () => {
  it('finds an account as you type, chooses it with the keyboard and shows its live reservation status', async () => {
    const element = await mountForm(mockWorld().client('partner2'));
    await expectNoAxeViolations(element);
    await userEvent.click(page.getByRole('combobox', { name: /Customer account/ }));
    await userEvent.keyboard('initech');
    await vi.waitFor(() => expect(options(element).length).toBeGreaterThan(0));
    const first = textOf(options(element)[0]?.firstElementChild);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await vi.waitFor(() =>
      expect(textOf(part(element, 'account-status'))).toContain('Reserved by you'),
    );
    expect(first).toBe('Initech');
    expect(part(element, 'account-status')?.getAttribute('role')).toBe('status');
    expect(textOf(part(element, 'account-status'))).toContain('★');
  });

  it('shows field messages and a focused summary when submitted empty; its links move focus', async () => {
    const element = await mountForm(mockWorld().client('partner2'));
    await submit();
    const summary = part(element, 'error-summary');
    expect(summary?.getAttribute('role')).toBe('alert');
    await vi.waitFor(() => expect(shadow(element).activeElement).toBe(summary));
    const links = [...(summary?.querySelectorAll('a') ?? [])].map((link) => textOf(link));
    expect(links).toEqual([
      'Choose the customer account from the list.',
      'Add at least one product (up to 50).',
      'Enter the estimated value as a number of 0 or more.',
      'Enter the expected close date.',
    ]);
    const amount = shadow(element).querySelector('#amount');
    expect(amount?.getAttribute('aria-invalid')).toBe('true');
    expect(
      textOf(shadow(element).querySelector(`#${amount?.getAttribute('aria-describedby')}`)),
    ).toContain('Enter the estimated value');
    const lookupInput = shadow(lookupOf(element)).querySelector('input');
    expect(lookupInput?.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(element);

    await userEvent.click(page.getByRole('link', { name: /estimated value/ }));
    expect(focused(element)).toBe(amount);
    await userEvent.click(page.getByRole('link', { name: /customer account/ }));
    expect(focused(element)).toBe(lookupInput);
  });

  it('submits a valid deal, fires the event with the registration and shows the due time', async () => {
    const element = await mountForm(mockWorld().client('partner2'));
    await fillForm(element, { query: 'initech', option: /Initech Canada/ });
    await userEvent.click(page.getByRole('button', { name: 'Remove storage' }));
    await userEvent.keyboard('security, networking,');
    expect([...shadow(element).querySelectorAll('[part="product"] > span')].map(textOf)).toEqual([
      'security',
      'networking',
    ]);

    const submitted = nextEvent('prm-registration-submitted');
    await submit();
    const { registration } = await submitted;
    expect(registration).toMatchObject({
      accountId: A.initechCanada,
      products: ['security', 'networking'],
      estimatedValue: { amount: 120_000, currency: 'EUR' },
      expectedCloseDate: '2027-03-31',
      status: 'submitted',
    });
    const result = part(element, 'result');
    expect(result?.getAttribute('role')).toBe('status');
    expect(shadow(element).activeElement).toBe(result);
    expect(textOf(part(element, 'outcome'))).toContain('Registered');
    expect(textOf(part(element, 'decision-due'))).toMatch(
      /^Decision due by .+ \(in \d+ (hours|days)\)\.$/,
    );
    await expectNoAxeViolations(element);

    await userEvent.click(page.getByRole('button', { name: 'Register another deal' }));
    expect(part(element, 'form')).not.toBeNull();
    expect(focused(element)).toBe(shadow(lookupOf(element)).querySelector('input'));
  });

  it('shows a contested deal’s conflicts and who has priority', async () => {
    const world = mockWorld({ scenario: 'conflict' });
    const partner1 = world.client('partner1');
    const { data } = await partner1.contracts.pending();
    for (const contract of data) {
      await partner1.contracts.accept(contract.contractId, contract.version, {
        hash: contract.hash,
        accepted: true,
      });
    }
    const element = await mountForm(partner1);
    await fillForm(element, { query: 'acme uk', option: /ACME UK/ });
    await vi.waitFor(() =>
      expect(textOf(part(element, 'account-status'))).toContain('Reserved by another partner'),
    );
    await submit();
    await vi.waitFor(() => expect(part(element, 'result')).not.toBeNull());
    expect(textOf(part(element, 'outcome'))).toContain('Registered, but contested');
    expect(textOf(part(element, 'conflicts'))).toContain(
      'Another partner has held a reservation on this account since',
    );
    expect(textOf(part(element, 'conflicts'))).toContain('they have priority');
    await expectNoAxeViolations(element);
  });

  it('shows the reason and code of an automatic rejection for a vendor-direct account', async () => {
    const element = await mountForm(mockWorld().client('partner2'));
    await fillForm(element, { query: 'globex france', option: /Globex France/ });
    await vi.waitFor(() =>
      expect(textOf(part(element, 'account-status'))).toContain('Vendor-direct'),
    );
    const submitted = nextEvent('prm-registration-submitted');
    await submit();
    expect((await submitted).registration.accountId).toBe(A.globexFrance);
    await vi.waitFor(() => expect(part(element, 'result')).not.toBeNull());
    expect(textOf(part(element, 'outcome'))).toContain('Rejected automatically');
    expect(textOf(part(element, 'rejection-reason'))).toMatch(/^Reason: .+/);
    expect(textOf(part(element, 'rejection-code'))).toBe('Code: vendor_direct_account');
    expect(part(element, 'decision-due')).toBeNull();
  });

  it('shows pending terms inline and sends the waiting registration once they are accepted, with the same key', async () => {
    const world = mockWorld();
    const { client, keys } = recordingClient(world, 'prm_demo_partner1');
    const element = await mountForm(client);
    await vi.waitFor(() => expect(part(element, 'terms')).not.toBeNull());
    await fillForm(element, { query: 'umbrella', option: /Umbrella/ });
    await submit();
    await vi.waitFor(() => expect(textOf(part(element, 'terms'))).toContain('sent automatically'));
    // The gate was already shown: focus moves to it once it has reloaded the pending terms.
    await vi.waitFor(() => expect(shadow(element).activeElement?.id).toBe('terms-heading'));
    const terms = shadow(element).querySelector('prm-contract-acceptance') as HTMLElement;
    await vi.waitFor(() => expect(part(terms, 'document')).not.toBeNull());
    await expectNoAxeViolations(element);

    const submitted = nextEvent('prm-registration-submitted');
    await userEvent.click(page.getByRole('checkbox', { name: /I have read and accept/ }));
    await userEvent.click(page.getByRole('button', { name: 'Accept' }));
    const { registration } = await submitted;
    expect(registration.accountId).toBe(A.umbrella);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    await vi.waitFor(() => expect(part(element, 'result')).not.toBeNull());
    expect(part(element, 'terms')).toBeNull();
  });

  it('retries after a network failure with the same Idempotency-Key, and a new deal gets a new one', async () => {
    const world = mockWorld();
    const failures = { count: 1 };
    const { client, keys } = recordingClient(world, 'prm_demo_partner2', failures);
    const element = await mountForm(client);
    await fillForm(element, { query: 'umbrella', option: /Umbrella/ });
    await submit();
    await vi.waitFor(() => expect(textOf(part(element, 'error'))).toContain('offline'));
    await expectNoAxeViolations(element);
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(part(element, 'result')).not.toBeNull());
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);

    await userEvent.click(page.getByRole('button', { name: 'Register another deal' }));
    await fillForm(element, { query: 'umbrella', option: /Umbrella/ });
    await submit();
    await vi.waitFor(() => expect(part(element, 'result')).not.toBeNull());
    expect(keys).toHaveLength(3);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('disables the button while a submission runs, so a second click sends nothing', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { client, keys } = recordingClient(mockWorld(), 'prm_demo_partner2', { count: 0 }, held);
    const element = await mountForm(client);
    await fillForm(element, { query: 'umbrella', option: /Umbrella/ });
    await submit();
    const busy = page.getByRole('button', { name: 'Registering…' });
    await expect.element(busy).toBeDisabled();
    (part(element, 'form') as HTMLFormElement | null)?.requestSubmit();
    release();
    await vi.waitFor(() => expect(part(element, 'result')).not.toBeNull());
    expect(keys).toHaveLength(1);
  });

  it('maps the server’s 400 errors to the same field messages', async () => {
    const world = mockWorld();
    const client = createPrmClient({
      baseUrl: 'http://prm.test',
      token: 'prm_demo_partner2',
      maxRetries: 0,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'POST' && new URL(request.url).pathname === '/v1/registrations') {
          return Response.json(
            {
              type: 'about:blank',
              title: 'Bad Request',
              status: 400,
              code: 'invalid_request',
              detail: 'The request body is not valid.',
              errors: [{ path: 'expectedCloseDate', message: 'Use a date from 1900 on' }],
            },
            { status: 400, headers: { 'content-type': 'application/problem+json' } },
          );
        }
        return world.fetch(request);
      },
    });
    const element = await mountForm(client);
    await fillForm(element, { query: 'umbrella', option: /Umbrella/ });
    await submit();
    await vi.waitFor(() => expect(part(element, 'error-summary')).not.toBeNull());
    expect(textOf(part(element, 'error-summary'))).toContain('Enter the expected close date.');
    expect(shadow(element).querySelector('#close-date')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('lets a vendor role register on behalf of the partner in partner-id', async () => {
    const client = mockWorld().client('manager');
    const element = await mount<PrmRegistrationForm>(
      html`<prm-registration-form
        partner-id=${MOCK_PARTNER_IDS.partner2}
        .client=${client}
      ></prm-registration-form>`,
    );
    await fillForm(element, { query: 'umbrella', option: /Umbrella/ });
    const submitted = nextEvent('prm-registration-submitted');
    await submit();
    expect((await submitted).registration.partnerId).toBe(MOCK_PARTNER_IDS.partner2);
    expect(part(element, 'terms')).toBeNull();
  });

  it('speaks German', async () => {
    const client = mockWorld().client('partner2');
    await mount(
      html`<div lang="de"><prm-registration-form .client=${client}></prm-registration-form></div>`,
    );
    const element = document.querySelector('prm-registration-form') as PrmRegistrationForm;
    await element.updateComplete;
    expect(textOf(shadow(element))).toContain('Deal registrieren');
    expect(textOf(shadow(element))).toContain('Erwarteter Abschluss');
    expect(textOf(shadow(element))).toContain('bis zu 4.000 Zeichen');
    expect(textOf(shadow(element).querySelector('#currency option[value="EUR"]'))).toBe(
      'EUR — Euro',
    );
    await userEvent.click(page.getByRole('button', { name: 'Deal registrieren' }));
    await vi.waitFor(() =>
      expect(textOf(part(element, 'error-summary'))).toContain('Die Registrierung hat 4 Probleme'),
    );
    expect(textOf(shadow(lookupOf(element)))).toContain('Wählen Sie den Kunden aus der Liste.');
  });

  it('renders a hostile account name as text in the lookup and the result', async () => {
    const world = mockWorld();
    const hostile = '<img src=x onerror="window.__pwnedForm=1"> Umbrella';
    const account = (await world.api.state()).accounts.get(A.umbrella);
    if (account) account.name = hostile;
    const element = await mountForm(world.client('partner2'));
    await fillForm(element, { query: 'umbrella', option: /Umbrella/ });
    expect(textOf(shadow(lookupOf(element)).querySelector('[role="status"]'))).toContain(hostile);
    await submit();
    await vi.waitFor(() => expect(part(element, 'result')).not.toBeNull());
    expect(textOf(part(element, 'result'))).toContain(hostile);
    expect(shadow(element).querySelector('img')).toBeNull();
    expect((window as { __pwnedForm?: number }).__pwnedForm).toBeUndefined();
  });

  it('registers a deal on the real server as partner 2 (smoke)', async () => {
    await mount(
      html`<prm-provider base-url=${inject('realServerUrl')} token="prm_demo_partner2">
        <prm-registration-form></prm-registration-form>
      </prm-provider>`,
    );
    const element = document.querySelector('prm-registration-form') as PrmRegistrationForm;
    await userEvent.click(page.getByRole('combobox', { name: /Customer account/ }));
    await userEvent.keyboard('quillfeather');
    await vi.waitFor(() => expect(options(element).length).toBeGreaterThan(0), { timeout: 10_000 });
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await vi.waitFor(() => expect(part(element, 'account-status-badge')).not.toBeNull(), {
      timeout: 10_000,
    });
    await userEvent.click(page.getByRole('textbox', { name: 'Products' }));
    await userEvent.keyboard('storage{Enter}');
    await userEvent.fill(page.getByRole('spinbutton', { name: 'Estimated value' }), '50000');
    await userEvent.fill(page.getByLabelText('Expected close date'), '2027-06-30');
    const submitted = nextEvent('prm-registration-submitted');
    await submit();
    const { registration } = await submitted;
    expect(registration.partnerId).toBe('ptr_veltmann');
    await vi.waitFor(() => expect(part(element, 'result')).not.toBeNull());
    expect(textOf(part(element, 'outcome'))).toMatch(/Registered|Rejected/);
  });
});
