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

interface Args {
  accountId: string;
  role: DemoRole;
  locale: string;
}

const renderCheck = ({ accountId, role, locale }: Args) =>
  asRole(
    role,
    html`<prm-reservation-check account-id=${accountId} locale=${locale}></prm-reservation-check>`,
  );

const meta: Meta<Args> = {
  title: 'Elements/Reservation check',
  component: 'prm-reservation-check',
  args: { accountId: MOCK_ACCOUNT_IDS.umbrella, role: 'partner1', locale: 'en' },
  argTypes: {
    role: { control: 'select', options: ['partner1', 'partner2', 'manager', 'vendor'] },
    locale: { control: 'inline-radio', options: ['en', 'de'] },
  },
  parameters: mockParameters(),
  render: (args) => renderCheck(args),
};
export default meta;

type Story = StoryObj<Args>;

/** An open account: reserve it in one click. */
export const Open: Story = {};

/** The caller's own reservation, with renew and release. */
export const ReservedByYou: Story = {
  args: { accountId: MOCK_ACCOUNT_IDS.acmeGermany, role: 'partner2' },
  parameters: mockParameters({ scenario: 'conflict' }),
};

/** Another partner holds the account tree: no reserve button, the date it frees up. */
export const Conflict: Story = {
  args: { accountId: MOCK_ACCOUNT_IDS.acmeGermany },
  parameters: mockParameters({ scenario: 'conflict' }),
};

export const VendorDirect: Story = { args: { accountId: MOCK_ACCOUNT_IDS.globexFrance } };

export const Loading: Story = { parameters: mockParameters({ latency: 60_000 }) };

export const NoAccountChosen: Story = { args: { accountId: '' } };

export const ServerError: Story = {
  parameters: mockParameters({ scenario: { error: 'internal_error' } }),
};

export const Offline: Story = { parameters: mockParameters({ scenario: 'networkFailure' }) };

export const TermsPending: Story = { parameters: mockParameters({ scenario: 'pendingTerms' }) };

export const Dark: Story = { render: (args) => onDarkPage(renderCheck(args)) };

export const German: Story = { args: { locale: 'de' } };

/** A brand theme is a handful of `--prm-*` tokens: see `BRAND_THEME_CSS`. */
export const BrandTheme: Story = { render: (args) => withBrandTheme(renderCheck(args)) };
