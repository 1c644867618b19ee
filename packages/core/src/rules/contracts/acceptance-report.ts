/** Who has and who has not accepted a contract's current version (DESIGN §2.5, the vendor's view). */
import type { Acceptance, Contract, ContractVersion } from '../../schemas/contract.js';
import { currentVersionOf, isPendingFor } from './pending-contracts.js';

export interface AcceptanceStatusInput<P extends { id: string }> {
  contract: Contract;
  versions: readonly ContractVersion[];
  partners: readonly P[];
  /** Acceptances of this contract, by any partner. */
  acceptances: readonly Acceptance[];
}

export interface AcceptanceStatus<P> {
  /** `null` while no version is published. */
  version: number | null;
  /** Partners with nothing to accept: they accepted this version, or an earlier one it does not replace. */
  upToDate: P[];
  /** Partners for whom the current version is pending. */
  outstanding: P[];
}

/** Split partners by whether the contract's current version is pending for them. */
export const acceptanceStatus = <P extends { id: string }>({
  contract,
  versions,
  partners,
  acceptances,
}: AcceptanceStatusInput<P>): AcceptanceStatus<P> => {
  const current = currentVersionOf(contract, versions);
  if (current === null) return { version: null, upToDate: [...partners], outstanding: [] };
  const upToDate: P[] = [];
  const outstanding: P[] = [];
  for (const partner of partners) {
    const own = acceptances.filter((acceptance) => acceptance.partnerId === partner.id);
    (isPendingFor(current, own) ? outstanding : upToDate).push(partner);
  }
  return { version: current.version, upToDate, outstanding };
};
