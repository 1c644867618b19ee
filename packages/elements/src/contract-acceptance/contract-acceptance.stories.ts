import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  asRole,
  type DemoRole,
  mockParameters,
  onDarkPage,
  withBrandTheme,
} from '../test-support/story-helpers.js';
import './define.js';

interface Args {
  role: DemoRole;
  locale: string;
  gate: string;
}

const renderAcceptance = ({ role, locale, gate }: Args) =>
  asRole(
    role,
    html`<prm-contract-acceptance locale=${locale} gate=${ifDefined(gate || undefined)}></prm-contract-acceptance>`,
  );

const meta: Meta<Args> = {
  title: 'Elements/Contract acceptance',
  component: 'prm-contract-acceptance',
  args: { role: 'partner1', locale: 'en', gate: '' },
  argTypes: {
    role: { control: 'select', options: ['partner1', 'partner2', 'rep1', 'manager', 'vendor'] },
    locale: { control: 'inline-radio', options: ['en', 'de'] },
    gate: { control: 'select', options: ['', 'registration.submit', 'reservation.create'] },
  },
  parameters: mockParameters(),
  render: (args) => renderAcceptance(args),
};
export default meta;

type Story = StoryObj<Args>;

/** Partner 1 has the new Deal Registration Terms to accept: the text, the checkbox, Accept. */
export const Default: Story = {};

export const Loading: Story = { parameters: mockParameters({ latency: 60_000 }) };

/** Partner 2 has accepted everything. */
export const Empty: Story = { args: { role: 'partner2' } };

export const ServerError: Story = {
  parameters: mockParameters({ scenario: { error: 'internal_error' } }),
};

export const Offline: Story = { parameters: mockParameters({ scenario: 'networkFailure' }) };

/** Every partner has the new terms to accept. */
export const TermsPending: Story = {
  args: { role: 'partner2' },
  parameters: mockParameters({ scenario: 'pendingTerms' }),
};

/** Vendor roles have nothing to accept; the server's permission error, explained. */
export const VendorRole: Story = { args: { role: 'vendor' } };

export const Dark: Story = { render: (args) => onDarkPage(renderAcceptance(args)) };

export const German: Story = { args: { locale: 'de' } };

export const BrandTheme: Story = { render: (args) => withBrandTheme(renderAcceptance(args)) };
