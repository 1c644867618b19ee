/**
 * Gated actions (DESIGN §2.2, §2.5): submitting a registration or reserving an account needs the
 * current required terms accepted; otherwise the answer is `contract_acceptance_required`, naming
 * each contract still to accept.
 */
import type { GatedAction, PendingContract } from '../../schemas/contract.js';
import { type Allowed, allow, type Reason, type Refused } from '../decision.js';

export type ContractGateCode = 'contract_acceptance_required';

/** Refused with the contracts to accept, so the caller can show them and link to each. */
export type ContractGateDecision =
  | Allowed<GatedAction>
  | (Refused<ContractGateCode> & { pending: PendingContract[] });

const ACTION_WORDING: Record<GatedAction, string> = {
  'registration.submit': 'submitting a deal registration',
  'reservation.create': 'reserving an account',
};

/** Pending contracts that gate `action`. */
export const contractsGating = (
  action: GatedAction,
  pending: readonly PendingContract[],
): PendingContract[] => pending.filter((contract) => contract.gates.includes(action));

export const decideGatedAction = ({
  action,
  pending,
}: {
  action: GatedAction;
  pending: readonly PendingContract[];
}): ContractGateDecision => {
  const gating = contractsGating(action, pending);
  const reasons = gating.map(
    (contract): Reason<ContractGateCode> => ({
      code: 'contract_acceptance_required',
      message: `Accept "${contract.title}" (version ${contract.version}) before ${ACTION_WORDING[action]}.`,
    }),
  );
  const [first, ...more] = reasons;
  if (first === undefined) return allow(action);
  return { ok: false, code: first.code, reasons: [first, ...more], pending: gating };
};
