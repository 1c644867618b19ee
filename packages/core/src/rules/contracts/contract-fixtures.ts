/**
 * Test data for the contract rules: readable builders for examples and fast-check arbitraries
 * for properties. Used by tests only; not exported from the barrel.
 */
import fc from 'fast-check';
import {
  type Acceptance,
  type Contract,
  type ContractVersion,
  GatedAction,
} from '../../schemas/contract.js';

export const NOW = '2026-06-01T00:00:00.000Z';
export const GATED_ACTIONS: readonly GatedAction[] = GatedAction.options;

/** A stand-in digest, distinct per contract and version (the rules only compare hashes). */
export const fakeHash = (contractId: string, version: number): string =>
  Array.from(`${contractId}:${version}`, (char) => char.charCodeAt(0).toString(16))
    .join('')
    .padStart(64, '0')
    .slice(-64);

export const makeContract = (overrides: Partial<Contract> & Pick<Contract, 'id'>): Contract => ({
  title: `Contract ${overrides.id}`,
  kind: 'program_agreement',
  gates: ['registration.submit'],
  currentVersion: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

export const makeVersion = (
  contractId: string,
  version: number,
  requiresReacceptance = true,
): ContractVersion => ({
  contractId,
  version,
  content: `Terms of ${contractId}, version ${version}.`,
  hash: fakeHash(contractId, version),
  requiresReacceptance,
  publishedAt: '2026-02-01T00:00:00.000Z',
});

export const makeAcceptance = (
  partnerId: string,
  version: Pick<ContractVersion, 'contractId' | 'version' | 'hash'>,
  id = `acc-${partnerId}-${version.contractId}-${version.version}`,
): Acceptance => ({
  id,
  contractId: version.contractId,
  version: version.version,
  hash: version.hash,
  userId: `user-${partnerId}`,
  partnerId,
  acceptedAt: '2026-03-01T00:00:00.000Z',
  clientInfo: {},
});

export interface ContractWorld {
  contracts: Contract[];
  versions: ContractVersion[];
  partnerIds: string[];
  acceptances: Acceptance[];
}

const contractHistoryArb = fc.record({
  gates: fc.subarray([...GATED_ACTIONS]),
  /** One flag per published version; none published yet when empty. */
  reacceptance: fc.array(fc.boolean(), { maxLength: 4 }),
});

/** Contracts with version histories, partners, and acceptances of arbitrary past versions. */
export const contractWorldArb: fc.Arbitrary<ContractWorld> = fc
  .record({
    histories: fc.array(contractHistoryArb, { minLength: 1, maxLength: 5 }),
    partnerCount: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ histories, partnerCount }) => {
    const contracts = histories.map((history, i) =>
      makeContract({
        id: `c${i}`,
        gates: history.gates,
        currentVersion: history.reacceptance.length === 0 ? null : history.reacceptance.length,
      }),
    );
    const versions = histories.flatMap((history, i) =>
      history.reacceptance.map((requires, v) => makeVersion(`c${i}`, v + 1, requires)),
    );
    const partnerIds = Array.from({ length: partnerCount }, (_, i) => `p${i}`);
    const candidates = partnerIds.flatMap((partnerId) =>
      versions.map((version) => makeAcceptance(partnerId, version)),
    );
    return fc
      .subarray(candidates)
      .map((acceptances) => ({ contracts, versions, partnerIds, acceptances }));
  });
