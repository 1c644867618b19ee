import {
  decideGatedAction,
  type GatedAction,
  type PendingContract,
  pendingContracts,
} from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { fromRefusal } from '../http/problem.js';
import { gateFactsOfPartner } from '../queries/contracts.js';

/** The contract versions a partner still has to accept. */
export const pendingContractsOf = async (tx: Queryable, partnerId: string) =>
  pendingContracts({ ...(await gateFactsOfPartner(tx, partnerId)), partnerId });

/** Refuses a gated action with 403 `contract_acceptance_required` and the pending contracts. */
export const refuseWhilePending = (pending: PendingContract[], action: GatedAction) => {
  const decision = decideGatedAction({ action, pending });
  if (!decision.ok) throw fromRefusal(decision, { pending: decision.pending });
};

/** Loads the partner's pending contracts and refuses the gated action while there are any. */
export const assertContractsAccepted = async (
  tx: Queryable,
  partnerId: string,
  action: GatedAction,
) => refuseWhilePending(await pendingContractsOf(tx, partnerId), action);
