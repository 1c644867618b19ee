import { HttpResponse } from 'msw';
import { MockProblem } from './problem.js';

const PROBLEM_JSON = 'application/problem+json';

/** A problem as the server sends it: `application/problem+json` with the problem's headers. */
export const problemResponse = (problem: MockProblem, headers: Record<string, string> = {}) =>
  HttpResponse.json(problem.toJSON(), {
    status: problem.status,
    headers: { ...headers, ...problem.headers, 'Content-Type': PROBLEM_JSON },
  });

/** Anything thrown while answering: a problem stays one; a bug answers 500 `internal_error`. */
export const errorResponse = (error: unknown, headers: Record<string, string> = {}) =>
  problemResponse(
    error instanceof MockProblem
      ? error
      : new MockProblem(
          'internal_error',
          `The mock failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
    headers,
  );
