import { decideGatedAction, type GatedAction, pendingContracts } from '@openprm/core';
import { fromRefusal } from '../http/problem.js';
import type { MockState } from './state.js';

/** The contract versions a partner still has to accept (core's rule). */
export const pendingContractsOf = (state: MockState, partnerId: string) =>
  pendingContracts({
    contracts: state.contracts,
    versions: state.versions,
    acceptances: state.acceptances.filter((acceptance) => acceptance.partnerId === partnerId),
    partnerId,
  });

/** Refuses a gated action with 403 `contract_acceptance_required` and the pending contracts. */
export const assertContractsAccepted = (
  state: MockState,
  partnerId: string,
  action: GatedAction,
) => {
  const decision = decideGatedAction({ action, pending: pendingContractsOf(state, partnerId) });
  if (!decision.ok) throw fromRefusal(decision, { pending: decision.pending });
};
