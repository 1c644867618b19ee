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
  role: DemoRole;
  view: '' | 'partner' | 'queue';
  status: string;
  locale: string;
}

const renderList = ({ role, view, status, locale }: Args) =>
  asRole(
    role,
    html`<prm-registration-list view=${view} status=${status} locale=${locale}></prm-registration-list>`,
  );

const meta: Meta<Args> = {
  title: 'Elements/Registration list',
  component: 'prm-registration-list',
  args: { role: 'partner1', view: '', status: '', locale: 'en' },
  argTypes: {
    role: { control: 'select', options: ['partner1', 'partner2', 'rep1', 'manager', 'vendor'] },
    view: { control: 'inline-radio', options: ['', 'partner', 'queue'] },
    status: {
      control: 'select',
      options: ['', 'submitted', 'approved', 'rejected', 'won', 'lost', 'expired', 'withdrawn'],
    },
    locale: { control: 'inline-radio', options: ['en', 'de'] },
  },
  parameters: mockParameters(),
  render: (args) => renderList(args),
};
export default meta;

type Story = StoryObj<Args>;

/** A partner's own registrations: status, decision due time, expiry countdown, reasons. */
export const Default: Story = {};

/** The vendor's queue: submitted registrations, SLA breaches first, approve or reject. */
export const VendorQueue: Story = { args: { role: 'manager' } };

/** A row opened: history, comments, extensions and the partner's actions. */
export const Expanded: Story = {
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('prm-registration-list');
    // The first page arrives from the mock worker: wait for the row, then open it.
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const toggle = list?.shadowRoot?.querySelector<HTMLButtonElement>(
        '[part="expand-button"][aria-expanded="false"]',
      );
      if (toggle) {
        toggle.click();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  },
};

export const Loading: Story = { parameters: mockParameters({ latency: 60_000 }) };

export const Empty: Story = { parameters: mockParameters({ scenario: 'empty' }) };

export const EmptyQueue: Story = {
  args: { role: 'manager' },
  parameters: mockParameters({ scenario: 'empty' }),
};

export const ServerError: Story = {
  parameters: mockParameters({ scenario: { error: 'internal_error' } }),
};

export const Offline: Story = { parameters: mockParameters({ scenario: 'networkFailure' }) };

/** Overlapping claims side by side, with who has priority in words. */
export const Conflict: Story = {
  args: { role: 'manager' },
  parameters: mockParameters({ scenario: 'conflict' }),
};

/** 10,000 registrations in the queue: the first page, and "Load more" on demand. */
export const Large: Story = {
  args: { role: 'manager' },
  parameters: mockParameters({ scenario: 'large' }),
};

export const Dark: Story = { render: (args) => onDarkPage(renderList(args)) };

export const German: Story = { args: { locale: 'de' } };

/** A brand theme is a handful of `--prm-*` tokens: see `BRAND_THEME_CSS`. */
export const BrandTheme: Story = { render: (args) => withBrandTheme(renderList(args)) };
