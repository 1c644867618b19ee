import { decideGatedAction, type GatedAction, pendingContracts } from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { fromRefusal } from '../http/problem.js';
import { acceptancesOfPartner, allContracts, currentVersions } from '../queries/contracts.js';

/** The contract versions a partner still has to accept. */
export const pendingContractsOf = async (tx: Queryable, partnerId: string) =>
  pendingContracts({
    contracts: await allContracts(tx),
    versions: await currentVersions(tx),
    acceptances: await acceptancesOfPartner(tx, partnerId),
    partnerId,
  });

/** Refuses a gated action with 403 `contract_acceptance_required` and the pending contracts. */
export const assertContractsAccepted = async (
  tx: Queryable,
  partnerId: string,
  action: GatedAction,
) => {
  const decision = decideGatedAction({ action, pending: await pendingContractsOf(tx, partnerId) });
  if (!decision.ok) throw fromRefusal(decision, { pending: decision.pending });
};
