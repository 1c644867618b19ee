import { MOCK_ACCOUNT_IDS } from '@openprm/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  asRole,
  mockParameters,
  onDarkPage,
  withBrandTheme,
} from '../test-support/story-helpers.js';
import './define.js';

interface Args {
  value: string;
  locale: string;
  error: string;
}

const renderLookup = ({ value, locale, error }: Args) =>
  asRole(
    'partner2',
    html`<prm-account-lookup value=${value} locale=${locale} error=${error} required></prm-account-lookup>`,
  );

/** The account field of `<prm-registration-form>`: type "acme", then ↓ and Enter. */
const meta: Meta<Args> = {
  title: 'Elements/Account lookup',
  component: 'prm-account-lookup',
  args: { value: '', locale: 'en', error: '' },
  argTypes: { locale: { control: 'inline-radio', options: ['en', 'de'] } },
  parameters: mockParameters(),
  render: (args) => renderLookup(args),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

export const Preselected: Story = { args: { value: MOCK_ACCOUNT_IDS.acmeGermany } };

export const Loading: Story = {
  args: { value: MOCK_ACCOUNT_IDS.acmeGermany },
  parameters: mockParameters({ latency: 60_000 }),
};

/** No accounts: whatever is typed, "No account matches". */
export const Empty: Story = { parameters: mockParameters({ scenario: 'empty' }) };

export const ServerError: Story = {
  args: { value: MOCK_ACCOUNT_IDS.acmeGermany },
  parameters: mockParameters({ scenario: { error: 'internal_error' } }),
};

export const Offline: Story = {
  args: { value: MOCK_ACCOUNT_IDS.acmeGermany },
  parameters: mockParameters({ scenario: 'networkFailure' }),
};

export const WithError: Story = { args: { error: 'Choose the customer account from the list.' } };

export const Dark: Story = { render: (args) => onDarkPage(renderLookup(args)) };

export const German: Story = { args: { locale: 'de' } };

export const BrandTheme: Story = { render: (args) => withBrandTheme(renderLookup(args)) };
