import { MOCK_ACCOUNT_IDS } from '@openprm/mock';
import { html } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { mockWorld } from '../test-support/mock-client.js';
import { mount, nextEvent, shadow, textOf } from '../test-support/render.js';
import './define.js';
import type { PrmAccountLookup } from './account-lookup.js';

const options = (element: Element) => [...shadow(element).querySelectorAll('[role="option"]')];
const input = (element: Element) => shadow(element).querySelector('input') as HTMLInputElement;

const mountLookup = (client = mockWorld().client('partner2')) =>
  mount<PrmAccountLookup>(html`<prm-account-lookup .client=${client}></prm-account-lookup>`);

describe('<prm-account-lookup>', () => {
  it('lists matches as you type and chooses one with the keyboard', async () => {
    const element = await mountLookup();
    const combobox = page.getByRole('combobox', { name: 'Account' });
    await userEvent.click(combobox);
    await userEvent.keyboard('acme');
    await vi.waitFor(() => expect(options(element).length).toBeGreaterThan(1));
    expect(input(element).getAttribute('aria-expanded')).toBe('true');
    expect(textOf(shadow(element).querySelector('[role="status"]'))).toMatch(/accounts found/);
    await expectNoAxeViolations(element);

    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    const second = options(element)[1];
    expect(second?.getAttribute('aria-selected')).toBe('true');
    expect(input(element).getAttribute('aria-activedescendant')).toBe(second?.id);
    await userEvent.keyboard('{ArrowUp}');
    const first = options(element)[0];
    expect(input(element).getAttribute('aria-activedescendant')).toBe(first?.id);

    const changed = nextEvent('prm-account-changed');
    await userEvent.keyboard('{Enter}');
    const event = await changed;
    expect(event.account?.name).toBe(textOf(first?.firstElementChild));
    expect(element.value).toBe(event.account?.id);
    expect(input(element).value).toBe(event.account?.name);
    expect(input(element).getAttribute('aria-expanded')).toBe('false');
  });

  it('closes the list with Escape and forgets the choice when typed over', async () => {
    const element = await mountLookup();
    await userEvent.click(page.getByRole('combobox'));
    await userEvent.keyboard('initech');
    await vi.waitFor(() => expect(options(element).length).toBeGreaterThan(0));
    await userEvent.keyboard('{Escape}');
    expect(input(element).getAttribute('aria-expanded')).toBe('false');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(element.account?.id).toMatch(/^acc_initech/);

    const cleared = nextEvent('prm-account-changed');
    await userEvent.keyboard('{Backspace}');
    expect((await cleared).account).toBeUndefined();
    expect(element.value).toBe('');
  });

  it('says when nothing matches', async () => {
    const element = await mountLookup();
    await userEvent.click(page.getByRole('combobox'));
    await userEvent.keyboard('zzzz-no-such-company');
    await vi.waitFor(() =>
      expect(textOf(shadow(element).querySelector('[role="status"]'))).toContain(
        'No account matches',
      ),
    );
    expect(options(element)).toHaveLength(0);
  });

  it('shows a preselected account’s name', async () => {
    const client = mockWorld().client('partner2');
    const element = await mount<PrmAccountLookup>(
      html`<prm-account-lookup value=${MOCK_ACCOUNT_IDS.umbrella} .client=${client}></prm-account-lookup>`,
    );
    await vi.waitFor(() => expect(input(element).value).not.toBe(''));
    expect(element.account?.id).toBe(MOCK_ACCOUNT_IDS.umbrella);
  });

  it('renders a hostile account name as text', async () => {
    const world = mockWorld();
    const hostile = '<img src=x onerror="window.__pwnedLookup=1"> Umbrella';
    const account = (await world.api.state()).accounts.get(MOCK_ACCOUNT_IDS.umbrella);
    if (account) account.name = hostile;
    const element = await mountLookup(world.client('partner2'));
    await userEvent.click(page.getByRole('combobox'));
    await userEvent.keyboard('umbrella');
    await vi.waitFor(() => expect(options(element).length).toBeGreaterThan(0));
    expect(textOf(shadow(element).querySelector('[role="listbox"]'))).toContain(hostile);
    expect(shadow(element).querySelector('img')).toBeNull();
    expect((window as { __pwnedLookup?: number }).__pwnedLookup).toBeUndefined();
  });

  it('shows a failed search offline with a retry that recovers', async () => {
    const { client, goOnline } = mockWorld().offlineClient('partner2');
    const element = await mountLookup(client);
    await userEvent.click(page.getByRole('combobox'));
    await userEvent.keyboard('acme');
    await vi.waitFor(() =>
      expect(textOf(shadow(element).querySelector('[part="error"]'))).toContain('offline'),
    );
    await expectNoAxeViolations(element);
    goOnline();
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(options(element).length).toBeGreaterThan(0));
  });
});
