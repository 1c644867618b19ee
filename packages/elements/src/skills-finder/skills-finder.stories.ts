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
  skills: string;
  match: 'all' | 'any';
  includeStale: boolean;
  lat: string;
  lng: string;
  radiusKm: string;
  role: DemoRole;
  locale: string;
}

const renderFinder = ({ skills, match, includeStale, lat, lng, radiusKm, role, locale }: Args) =>
  asRole(
    role,
    html`<prm-skills-finder
      skills=${skills}
      match=${match}
      ?include-stale=${includeStale}
      lat=${lat}
      lng=${lng}
      radius-km=${radiusKm}
      locale=${locale}
    ></prm-skills-finder>`,
  );

const meta: Meta<Args> = {
  title: 'Elements/Skills finder',
  component: 'prm-skills-finder',
  args: {
    skills: 'networking,security',
    match: 'any',
    includeStale: true,
    lat: '',
    lng: '',
    radiusKm: '',
    role: 'manager',
    locale: 'en',
  },
  argTypes: {
    match: { control: 'inline-radio', options: ['all', 'any'] },
    role: { control: 'select', options: ['manager', 'vendor', 'partner1'] },
    locale: { control: 'inline-radio', options: ['en', 'de'] },
  },
  parameters: mockParameters(),
  render: (args) => renderFinder(args),
};
export default meta;

type Story = StoryObj<Args>;

/** A preset search: partners with networking or security, out-of-date profiles included and flagged. */
export const Default: Story = {};

/** Before the first search: a hint what to search for. */
export const Initial: Story = { args: { skills: '', includeStale: false } };

/** Too few partners near Hamburg: the server widens the radius and the finder says so. */
export const Widened: Story = {
  args: { skills: 'security', match: 'all', lat: '53.55', lng: '9.99', radiusKm: '50' },
};

export const Loading: Story = { parameters: mockParameters({ latency: 60_000 }) };

export const Empty: Story = { parameters: mockParameters({ scenario: 'empty' }) };

export const ServerError: Story = {
  parameters: mockParameters({ scenario: { error: 'internal_error' } }),
};

export const Offline: Story = { parameters: mockParameters({ scenario: 'networkFailure' }) };

/** 10,000 partners: the server ranks them all and the finder lists the best 25. */
export const Large: Story = { parameters: mockParameters({ scenario: 'large' }) };

export const Dark: Story = { render: (args) => onDarkPage(renderFinder(args)) };

export const German: Story = { args: { locale: 'de' } };

/** A brand theme is a handful of `--prm-*` tokens: see `BRAND_THEME_CSS`. */
export const BrandTheme: Story = { render: (args) => withBrandTheme(renderFinder(args)) };
