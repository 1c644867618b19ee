import { MOCK_ACCOUNT_IDS } from '@openprm/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  asRole,
  type DemoRole,
  mockParameters,
  onDarkPage,
  withBrandTheme,
} from '../test-support/story-helpers.js';
import './define.js';
import type { PrmRegistrationForm } from './registration-form.js';

interface Args {
  accountId: string;
  role: DemoRole;
  locale: string;
  currency: string;
  productSuggestions: string;
}

const renderForm = ({ accountId, role, locale, currency, productSuggestions }: Args) =>
  asRole(
    role,
    html`<prm-registration-form
      account-id=${accountId}
      locale=${locale}
      currency=${currency}
      product-suggestions=${productSuggestions}
    ></prm-registration-form>`,
  );

/**
 * Fills in the deal for a preselected account and submits it, as a person would, so a story can
 * show the answer (contested, rejected) without clicking.
 */
const submitDeal = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const form = canvasElement.querySelector<PrmRegistrationForm>('prm-registration-form');
  if (!form) return;
  await form.updateComplete;
  const root = form.shadowRoot;
  const type = (selector: string, value: string) => {
    const input = root?.querySelector<HTMLInputElement>(selector);
    if (!input) return;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  type('#products', 'storage,');
  type('#amount', '120000');
  type('#close-date', '2027-03-31');
  await form.updateComplete;
  root?.querySelector('form')?.requestSubmit();
};

const meta: Meta<Args> = {
  title: 'Elements/Registration form',
  component: 'prm-registration-form',
  args: {
    accountId: '',
    role: 'partner2',
    locale: 'en',
    currency: 'EUR',
    productSuggestions: 'storage, networking, security, managed-services',
  },
  argTypes: {
    role: { control: 'select', options: ['partner1', 'partner2', 'rep1', 'manager', 'vendor'] },
    locale: { control: 'inline-radio', options: ['en', 'de'] },
    currency: { control: 'select', options: ['EUR', 'USD', 'GBP', 'CHF'] },
  },
  parameters: mockParameters(),
  render: (args) => renderForm(args),
};
export default meta;

type Story = StoryObj<Args>;

/** Partner 2, all terms accepted: type "acme" in the account field to start. */
export const Default: Story = {};

/** A preselected account and its live reservation status. */
export const Preselected: Story = { args: { accountId: MOCK_ACCOUNT_IDS.initech } };

/** Every answer takes a minute: the account's name and status are loading. */
export const Loading: Story = {
  args: { accountId: MOCK_ACCOUNT_IDS.umbrella },
  parameters: mockParameters({ latency: 60_000 }),
};

/** No accounts exist: typing finds nothing. */
export const Empty: Story = { parameters: mockParameters({ scenario: 'empty' }) };

export const ServerError: Story = {
  args: { accountId: MOCK_ACCOUNT_IDS.umbrella },
  parameters: mockParameters({ scenario: { error: 'internal_error' } }),
};

export const Offline: Story = {
  args: { accountId: MOCK_ACCOUNT_IDS.umbrella },
  parameters: mockParameters({ scenario: 'networkFailure' }),
};

/** Partner 1 has new Deal Registration Terms to accept: they show inline, above the form. */
export const TermsPending: Story = { args: { role: 'partner1' } };

/** Submitted without any field filled in: messages at the fields and a summary with links. */
export const WithErrors: Story = {
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector<PrmRegistrationForm>('prm-registration-form');
    await form?.updateComplete;
    form?.shadowRoot?.querySelector('form')?.requestSubmit();
  },
};

/** Another partner registered on the ACME tree first: the answer lists the claim and its priority. */
export const Conflict: Story = {
  args: { accountId: MOCK_ACCOUNT_IDS.acmeUk },
  parameters: mockParameters({ scenario: 'conflict' }),
  play: submitDeal,
};

/** Globex is served by the vendor directly: the registration is rejected at once, with the reason. */
export const VendorDirect: Story = {
  args: { accountId: MOCK_ACCOUNT_IDS.globexFrance },
  play: submitDeal,
};

/** A plain registration: the decision is due within 48 hours. */
export const Submitted: Story = {
  args: { accountId: MOCK_ACCOUNT_IDS.initechCanada },
  play: submitDeal,
};

export const Dark: Story = { render: (args) => onDarkPage(renderForm(args)) };

export const German: Story = { args: { locale: 'de' } };

/** A brand theme is a handful of `--prm-*` tokens: see `BRAND_THEME_CSS`. */
export const BrandTheme: Story = { render: (args) => withBrandTheme(renderForm(args)) };
