import { describe, expect, it } from 'vitest';
import { refuse } from '../rules/decision.js';
import { ERROR_CODES } from '../schemas/codes.js';
import { Problem } from '../schemas/problem.js';
import { ERROR_TITLES, fromRefusal, invalid, ProblemError } from './problem-error.js';

describe('ProblemError', () => {
  it('serialises to an RFC 9457 problem the contract accepts, for every code', () => {
    for (const code of ERROR_CODES) {
      const body = new ProblemError(code, 'Because.').toJSON();
      expect(Problem.safeParse(body).success).toBe(true);
      expect(body.title).toBe(ERROR_TITLES[code]);
    }
  });

  it('carries field errors for invalid input', () => {
    const problem = invalid([{ path: 'name', message: 'Required' }]);
    expect(problem.status).toBe(400);
    expect(problem.toJSON()).toMatchObject({ code: 'invalid_request', errors: [{ path: 'name' }] });
  });

  it("turns a rule's refusal into its public code, or rule_refused for an internal one", () => {
    expect(fromRefusal(refuse('account_reserved', 'Held by another partner.')).status).toBe(409);
    const internal = fromRefusal(refuse('invalid_roll_up_policy', 'Bad policy.'));
    expect(internal.code).toBe('rule_refused');
    expect(internal.detail).toBe('Bad policy.');
  });
});
