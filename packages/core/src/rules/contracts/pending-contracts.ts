/**
 * Which contract versions a partner still has to accept (DESIGN §2.5). Publishing a version that
 * requires re-acceptance makes it pending for every partner; a version that does not leaves
 * partners who accepted an earlier version alone, and only newcomers must accept it.
 */
import type {
  Acceptance,
  Contract,
  ContractVersion,
  PendingContract,
} from '../../schemas/contract.js';

export interface PendingContractsInput {
  contracts: readonly Contract[];
  /** Published versions; those of the current version of each contract are enough. */
  versions: readonly ContractVersion[];
  /** The partner's acceptances (others' are ignored). */
  acceptances: readonly Acceptance[];
  partnerId: string;
}

/** The version a contract points at as current, if published and loaded. */
export const currentVersionOf = (
  contract: Pick<Contract, 'id' | 'currentVersion'>,
  versions: readonly ContractVersion[],
): ContractVersion | null =>
  contract.currentVersion === null
    ? null
    : (versions.find(
        (version) =>
          version.contractId === contract.id && version.version === contract.currentVersion,
      ) ?? null);

/**
 * An acceptance counts for a version only when it confirmed that version's exact text (its hash);
 * a record of another text is no acceptance of this one.
 */
export const hasAcceptedVersion = (
  acceptances: readonly Acceptance[],
  version: Pick<ContractVersion, 'contractId' | 'version' | 'hash'>,
): boolean =>
  acceptances.some(
    (acceptance) =>
      acceptance.contractId === version.contractId &&
      acceptance.version === version.version &&
      acceptance.hash === version.hash,
  );

export const isPendingFor = (
  version: ContractVersion,
  partnerAcceptances: readonly Acceptance[],
): boolean => {
  if (hasAcceptedVersion(partnerAcceptances, version)) return false;
  const acceptedEarlier = partnerAcceptances.some(
    (acceptance) => acceptance.contractId === version.contractId,
  );
  return version.requiresReacceptance || !acceptedEarlier;
};

const toPending = (contract: Contract, version: ContractVersion): PendingContract => ({
  contractId: contract.id,
  version: version.version,
  title: contract.title,
  requiresReacceptance: version.requiresReacceptance,
  kind: contract.kind,
  content: version.content,
  hash: version.hash,
  gates: contract.gates,
  publishedAt: version.publishedAt,
});

/** The partner's pending contracts, in the order the contracts were given. */
export const pendingContracts = ({
  contracts,
  versions,
  acceptances,
  partnerId,
}: PendingContractsInput): PendingContract[] => {
  const own = acceptances.filter((acceptance) => acceptance.partnerId === partnerId);
  return contracts.flatMap((contract) => {
    const current = currentVersionOf(contract, versions);
    return current !== null && isPendingFor(current, own) ? [toPending(contract, current)] : [];
  });
};
