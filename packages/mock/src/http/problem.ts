import { fromRefusal, type Refused } from '@openprm/core';

/** The mock throws the same problems as the server; the handler turns them into problem+json. */
export {
  fromRefusal,
  invalid,
  notFound,
  ProblemError as MockProblem,
} from '@openprm/core';

/** Throws the refusal as a problem, or gives the allowed value. */
export const unwrap = <T>(decision: { ok: true; value: T } | Refused): T => {
  if (!decision.ok) throw fromRefusal(decision);
  return decision.value;
};
