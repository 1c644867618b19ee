import type { EndpointDefinition } from '@openprm/core';
import type { MockState } from '../store/state.js';
import { MockProblem } from './problem.js';

export interface IdempotencyScope {
  caller: string;
  key: string | null;
  endpoint: string;
  body: unknown;
}

/** The `Idempotency-Key` of a request to an idempotent endpoint, checked like the server does. */
export const idempotencyKeyOf = (endpoint: EndpointDefinition, request: Request): string | null => {
  const key = endpoint.idempotent ? request.headers.get('idempotency-key') : null;
  if (key !== null && (key.length < 1 || key.length > 255)) {
    throw new MockProblem('invalid_request', 'Idempotency-Key must be 1 to 255 characters.');
  }
  return key;
};

const slot = (scope: IdempotencyScope) => `${scope.caller}:${scope.key}`;

/** The first answer to this key, to replay; 422 when the key came with another request. */
export const replayed = (state: MockState, scope: IdempotencyScope) => {
  if (scope.key === null) return null;
  const stored = state.idempotency.get(slot(scope));
  if (!stored) return null;
  if (stored.endpoint !== scope.endpoint || stored.request !== JSON.stringify(scope.body ?? null)) {
    throw new MockProblem(
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
    );
  }
  return stored;
};

export const remember = (
  state: MockState,
  scope: IdempotencyScope,
  status: number,
  body: unknown,
) => {
  if (scope.key === null) return;
  state.idempotency.set(slot(scope), {
    request: JSON.stringify(scope.body ?? null),
    endpoint: scope.endpoint,
    status,
    body,
  });
};
