/**
 * Accepting a contract version (DESIGN §2.5): explicit, for the exact text (by its hash), only the
 * current version, and once per partner. The record it produces is immutable.
 */
import type {
  Acceptance,
  AcceptContractInput,
  Contract,
  ContractVersion,
} from '../../schemas/contract.js';
import { allow, type Decision, refuse } from '../decision.js';
import { type Instant, toIso, toMs } from '../time.js';

/**
 * `invalid_transition` (409) for a version that is not the current one: the request is well
 * formed but the contract has moved on, so the client's view is out of date and it should fetch
 * the pending contracts again. `hash_mismatch` (422) when the text the user saw is not the text
 * published. `rule_refused` (422) when acceptance is not explicit.
 */
export type AcceptanceRefusalCode = 'invalid_transition' | 'hash_mismatch' | 'rule_refused';

/** The fields of a new acceptance record; the caller adds the id when it stores it. */
export type NewAcceptance = Omit<Acceptance, 'id'>;

export type AcceptanceOutcome =
  | { created: true; acceptance: NewAcceptance }
  /** Accepted before: the earlier record stands and nothing new is written. */
  | { created: false; acceptance: Acceptance };

export interface AcceptanceRequest {
  contract: Pick<Contract, 'id' | 'title'>;
  /** The version being accepted. */
  version: ContractVersion;
  /** The contract's current version; `null` when none is published. */
  currentVersion: number | null;
  input: AcceptContractInput;
  /** This partner's acceptances. */
  existing: readonly Acceptance[];
  partnerId: string;
  userId: string;
  now: Instant;
  clientInfo?: Acceptance['clientInfo'];
}

export const decideAcceptance = ({
  contract,
  version,
  currentVersion,
  input,
  existing,
  partnerId,
  userId,
  now,
  clientInfo = {},
}: AcceptanceRequest): Decision<AcceptanceOutcome, AcceptanceRefusalCode> => {
  // The schema makes `accepted` the literal `true`; data from elsewhere is checked all the same.
  if ((input.accepted as boolean) !== true) {
    return refuse('rule_refused', `Accepting "${contract.title}" needs an explicit acceptance.`);
  }
  if (version.contractId !== contract.id || version.version !== currentVersion) {
    const current = currentVersion === null ? 'none is published' : `it is ${currentVersion}`;
    return refuse(
      'invalid_transition',
      `Only the current version of "${contract.title}" can be accepted; version ${version.version} is not current (${current}).`,
    );
  }
  if (input.hash !== version.hash) {
    return refuse(
      'hash_mismatch',
      `The text you accepted is not version ${version.version} of "${contract.title}" as published; reload it and read it again.`,
    );
  }
  const earlier = existing.find(
    (acceptance) =>
      acceptance.partnerId === partnerId &&
      acceptance.contractId === contract.id &&
      acceptance.version === version.version,
  );
  if (earlier !== undefined) return allow({ created: false, acceptance: earlier });
  return allow({
    created: true,
    acceptance: {
      contractId: contract.id,
      version: version.version,
      hash: version.hash,
      userId,
      partnerId,
      acceptedAt: toIso(toMs(now)),
      clientInfo,
    },
  });
};
