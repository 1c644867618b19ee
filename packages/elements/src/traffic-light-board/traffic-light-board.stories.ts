import { MOCK_TOKENS } from '@openprm/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import {
  type DemoRole,
  mockParameters,
  onDarkPage,
  withBrandTheme,
} from '../test-support/story-helpers.js';
import './define.js';

interface Args {
  role: DemoRole;
  groupBy: 'region' | 'segment';
  filter: 'all' | 'red' | 'yellow' | 'unknown' | 'green';
  sort: string;
  locale: string;
}

/**
 * Like story-helpers' `asRole`, but with the page's origin as `base-url`: a provider without one
 * cannot build its client ("createPrmClient needs a baseUrl"). msw answers any origin.
 */
const asRole = (role: DemoRole, content: TemplateResult): TemplateResult =>
  html`<prm-provider base-url=${globalThis.location?.origin ?? ''} token=${MOCK_TOKENS[role]}>${content}</prm-provider>`;

const renderBoard = ({ role, groupBy, filter, sort, locale }: Args) =>
  asRole(
    role,
    html`<prm-traffic-light-board
      group-by=${groupBy}
      filter=${filter}
      sort=${sort}
      locale=${locale}
      style="--prm-board-height: 32rem"
      @prm-drill-down=${(event: Event) => console.info('prm-drill-down', event)}
    ></prm-traffic-light-board>`,
  );

const meta: Meta<Args> = {
  title: 'Elements/Traffic-light board',
  component: 'prm-traffic-light-board',
  args: { role: 'manager', groupBy: 'region', filter: 'all', sort: 'attention', locale: 'en' },
  argTypes: {
    role: { control: 'select', options: ['manager', 'vendor'] },
    groupBy: { control: 'inline-radio', options: ['region', 'segment'] },
    filter: { control: 'select', options: ['all', 'red', 'yellow', 'unknown', 'green'] },
    sort: { control: 'select', options: ['attention', 'name', 'obj_revenue', 'obj_wins'] },
    locale: { control: 'inline-radio', options: ['en', 'de'] },
  },
  parameters: mockParameters(),
  render: (args) => renderBoard(args),
};
export default meta;

type Story = StoryObj<Args>;

/** The demo world's partners by region, worst first. */
export const Default: Story = {};

export const BySegment: Story = { args: { groupBy: 'segment' } };

/** Only partners with an objective off track. */
export const Filtered: Story = { args: { filter: 'red' } };

export const Loading: Story = { parameters: mockParameters({ latency: 60_000 }) };

export const Empty: Story = { parameters: mockParameters({ scenario: 'empty' }) };

export const ServerError: Story = {
  parameters: mockParameters({ scenario: { error: 'internal_error' } }),
};

export const Offline: Story = { parameters: mockParameters({ scenario: 'networkFailure' }) };

/** 10,000 partners: only the rows in view are in the DOM. */
export const Large: Story = { parameters: mockParameters({ scenario: 'large' }) };

export const Dark: Story = { render: (args) => onDarkPage(renderBoard(args)) };

export const German: Story = { args: { locale: 'de' } };

/** A brand theme is a handful of `--prm-*` tokens: see `BRAND_THEME_CSS`. */
export const BrandTheme: Story = { render: (args) => withBrandTheme(renderBoard(args)) };
