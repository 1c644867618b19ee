/**
 * Rejecting a registration by hand (DESIGN §2.2): only a `submitted` one, and never without a
 * code from the published list (`REJECTION_REASONS`) and a human explanation. The codes the
 * automatic rules use (`vendor_direct_account`, `conflict_resolved`) are the system's alone, so a
 * partner can trust that such a rejection really came from that rule.
 */
import {
  MANUAL_REJECTION_CODES,
  REJECTION_CODES,
  type RejectionCode,
} from '../../schemas/codes.js';
import type { Registration, Rejection } from '../../schemas/registration.js';
import { allow, type Decision, refuse } from '../decision.js';
import { decideTransition, type RegistrationActor } from './lifecycle.js';

export const MAX_REJECTION_REASON_LENGTH = 2000;

export interface RejectionFacts {
  registration: Pick<Registration, 'status'>;
  /** Unchecked input: it may come straight from a request body. */
  code: string;
  reason: string;
  actor: RegistrationActor;
}

export interface RejectionOutcome {
  status: 'rejected';
  rejection: Rejection;
}

export type RejectionRefusal = 'invalid_transition' | 'forbidden' | 'invalid_request';

const isRejectionCode = (code: string): code is RejectionCode =>
  (REJECTION_CODES as readonly string[]).includes(code);

export const decideRejection = ({
  registration,
  code,
  reason,
  actor,
}: RejectionFacts): Decision<RejectionOutcome, RejectionRefusal> => {
  const transition = decideTransition({ from: registration.status, to: 'rejected', actor });
  if (!transition.ok) return transition;
  if (!isRejectionCode(code)) {
    return refuse(
      'invalid_request',
      `"${code}" is not a published rejection code; use one of ${MANUAL_REJECTION_CODES.join(', ')}.`,
    );
  }
  if (actor !== 'system' && !MANUAL_REJECTION_CODES.includes(code)) {
    return refuse(
      'invalid_request',
      `"${code}" is set only by the automatic rules; choose one of ${MANUAL_REJECTION_CODES.join(', ')}.`,
    );
  }
  const explanation = reason.trim();
  if (explanation === '') {
    return refuse('invalid_request', 'Explain the rejection: the partner reads this reason.');
  }
  if (explanation.length > MAX_REJECTION_REASON_LENGTH) {
    return refuse(
      'invalid_request',
      `Keep the reason within ${MAX_REJECTION_REASON_LENGTH} characters (it has ${explanation.length}).`,
    );
  }
  return allow({ status: 'rejected', rejection: { code, reason: explanation } });
};
