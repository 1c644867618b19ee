import type { ErrorCode } from '@openprm/core';
import { MockProblem } from './problem.js';

/**
 * What the mock API does. Names are the states every screen has to handle:
 * - `default`: the demo world (partner 1 has new terms to accept, partner 2 has accepted all);
 * - `empty`: no partners, accounts, registrations or objectives;
 * - `large`: 10,000 partners (board, lists, search) and 10,000 registrations;
 * - `conflict`: partner 2 holds a reservation on the ACME tree, so partner 1's reservation is
 *   refused (`account_reserved`) and its registrations there are contested;
 * - `pendingTerms`: every partner has the new Deal Registration Terms to accept;
 * - `networkFailure`: every request fails at the network level (`HttpResponse.error()`);
 * - `rateLimited`: every request answers 429 with `Retry-After`;
 * - `{ error: code }`: every request answers that error code's status as problem+json.
 */
export type MockScenario =
  | 'default'
  | 'empty'
  | 'large'
  | 'conflict'
  | 'pendingTerms'
  | 'networkFailure'
  | 'rateLimited'
  | { error: ErrorCode };

export const MOCK_SCENARIOS = [
  'default',
  'empty',
  'large',
  'conflict',
  'pendingTerms',
  'networkFailure',
  'rateLimited',
] as const satisfies readonly MockScenario[];

/** The problem every request answers in the `{ error: code }` scenario. */
export const scenarioError = (code: ErrorCode) => {
  const extensions: Record<string, unknown> = {};
  if (code === 'invalid_request') extensions.errors = [];
  if (code === 'contract_acceptance_required') extensions.pending = [];
  return new MockProblem(
    code,
    `The mock answers ${code} to every request (error scenario).`,
    extensions,
    {
      ...(code === 'rate_limited' ? { 'Retry-After': '1' } : {}),
      ...(code === 'unauthenticated' ? { 'WWW-Authenticate': 'Bearer' } : {}),
    },
  );
};
