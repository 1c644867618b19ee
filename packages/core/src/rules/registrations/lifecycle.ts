/**
 * The registration lifecycle (DESIGN §2.2): which status may follow which, and who may move it.
 * Every change of status goes through `decideTransition`, so no path skips the table.
 */
import type { RegistrationStatus } from '../../schemas/registration.js';
import { allow, type Decision, refuse } from '../decision.js';

/** Who asks for a change: the owning partner, the vendor's reviewers, or the system's jobs. */
export type RegistrationActor = 'partner' | 'vendor' | 'system';

export const REGISTRATION_TRANSITIONS: Readonly<
  Record<RegistrationStatus, readonly RegistrationStatus[]>
> = {
  submitted: ['approved', 'rejected', 'withdrawn'],
  approved: ['won', 'lost', 'expired', 'withdrawn'],
  rejected: [],
  won: [],
  lost: [],
  expired: [],
  withdrawn: [],
};

/**
 * Who may move a registration into each status. Partners withdraw and report the outcome of their
 * deal; reviewers approve, reject and may also record the outcome; only the clock expires one.
 * The system also rejects: vendor-direct accounts and `conflict_resolved` follow-ups.
 */
export const REGISTRATION_TRANSITION_ACTORS: Readonly<
  Record<RegistrationStatus, readonly RegistrationActor[]>
> = {
  submitted: [],
  approved: ['vendor'],
  rejected: ['vendor', 'system'],
  withdrawn: ['partner'],
  won: ['partner', 'vendor'],
  lost: ['partner', 'vendor'],
  expired: ['system'],
};

export const isTerminal = (status: RegistrationStatus): boolean =>
  REGISTRATION_TRANSITIONS[status].length === 0;

export const canRegistrationTransition = (
  from: RegistrationStatus,
  to: RegistrationStatus,
): boolean => REGISTRATION_TRANSITIONS[from].includes(to);

export interface RegistrationTransitionRequest {
  from: RegistrationStatus;
  to: RegistrationStatus;
  actor: RegistrationActor;
}

export interface RegistrationTransition {
  from: RegistrationStatus;
  to: RegistrationStatus;
}

/**
 * `invalid_transition` when the table has no such step (409); `forbidden` when the step exists
 * but this kind of actor may not take it (403), e.g. a partner approving its own registration.
 */
export const decideTransition = ({
  from,
  to,
  actor,
}: RegistrationTransitionRequest): Decision<
  RegistrationTransition,
  'invalid_transition' | 'forbidden'
> => {
  if (!canRegistrationTransition(from, to)) {
    const allowed = REGISTRATION_TRANSITIONS[from];
    const hint =
      allowed.length === 0
        ? `"${from}" is final`
        : `from "${from}" it can only become ${allowed.map((s) => `"${s}"`).join(', ')}`;
    return refuse(
      'invalid_transition',
      `A registration cannot go from "${from}" to "${to}": ${hint}.`,
    );
  }
  const actors = REGISTRATION_TRANSITION_ACTORS[to];
  if (!actors.includes(actor)) {
    return refuse(
      'forbidden',
      `The ${actor} may not move a registration from "${from}" to "${to}"; only the ${actors.join(' or the ')} may.`,
    );
  }
  return allow({ from, to });
};
