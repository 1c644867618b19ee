import type { MockScenario } from './scenarios.js';

export interface MockApiOptions {
  /**
   * Origin (and path prefix) the API lives at, as the client's `baseUrl`.
   * @default '*' (any origin, e.g. relative URLs in Storybook)
   * @example 'http://prm.test'
   */
  baseUrl?: string;
  /** @default 'default' */
  scenario?: MockScenario;
  /**
   * Delay before every answer, in ms (`'real'`: msw's realistic random delay).
   * @default 0
   */
  latency?: number | 'real';
  /** Seed of the fixture builders. @default 20261123 */
  seed?: number;
  /**
   * The mock's clock; the world is built around its first reading.
   * @default () => new Date()
   */
  now?: () => Date;
  /** `Retry-After` seconds in the `rateLimited` scenario. @default 1 */
  retryAfter?: number;
  /**
   * Checks every answer against the contract's response schema and answers 500 if it does not
   * match (it never should). @default true
   */
  validateResponses?: boolean;
}
