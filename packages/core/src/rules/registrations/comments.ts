/**
 * The registration as a conversation (DESIGN §2.2): comments from either side, and escalation by
 * the partner when a decision or an answer is slow. Escalating is for the owning partner, while
 * the registration is still open (`submitted` or `approved`), at most once a day so it stays a
 * signal rather than noise.
 */
import type { Registration } from '../../schemas/registration.js';
import { allow, type Decision, refuse } from '../decision.js';
import { addHours, type Instant, toIso, toMs } from '../time.js';

export const ESCALATION_COOLDOWN_HOURS = 24;
const MAX_COMMENT = 4000;
const MAX_REASON = 2000;

export const decideComment = (body: string): Decision<{ body: string }, 'invalid_request'> => {
  const text = body.trim();
  if (text === '' || text.length > MAX_COMMENT) {
    return refuse('invalid_request', `Write a comment of 1 to ${MAX_COMMENT} characters.`);
  }
  return allow({ body: text });
};

export interface EscalationFacts {
  registration: Pick<Registration, 'partnerId' | 'status' | 'escalatedAt'>;
  /** The caller's partner; `null` for vendor roles. */
  callerPartnerId: string | null;
  reason: string;
  now: Instant;
}

export interface Escalation {
  escalatedAt: string;
  reason: string;
}

export type EscalationRefusal =
  | 'forbidden'
  | 'invalid_transition'
  | 'invalid_request'
  | 'rule_refused';

export const decideEscalation = ({
  registration,
  callerPartnerId,
  reason,
  now,
}: EscalationFacts): Decision<Escalation, EscalationRefusal> => {
  if (callerPartnerId !== registration.partnerId) {
    return refuse('forbidden', 'Only the partner that registered the deal can escalate it.');
  }
  if (registration.status !== 'submitted' && registration.status !== 'approved') {
    return refuse(
      'invalid_transition',
      `A "${registration.status}" registration is closed and cannot be escalated.`,
    );
  }
  const text = reason.trim();
  if (text === '' || text.length > MAX_REASON) {
    return refuse('invalid_request', `Say why you escalate, in 1 to ${MAX_REASON} characters.`);
  }
  const { escalatedAt } = registration;
  if (
    escalatedAt !== undefined &&
    toMs(now) < toMs(addHours(escalatedAt, ESCALATION_COOLDOWN_HOURS))
  ) {
    return refuse(
      'rule_refused',
      `This registration was escalated at ${escalatedAt}; escalate again after ${ESCALATION_COOLDOWN_HOURS} hours.`,
    );
  }
  return allow({ escalatedAt: toIso(toMs(now)), reason: text });
};
