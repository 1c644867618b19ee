/**
 * Submitting a deal registration (DESIGN §2.2). In order:
 * 1. the partner must have accepted every current contract that gates `registration.submit`;
 * 2. the account must be known;
 * 3. a vendor-direct account (or one below a vendor-direct ancestor) is rejected at once, with
 *    the published code `vendor_direct_account` and an explanation naming that account;
 * 4. otherwise the registration is `submitted`, due for a decision `decisionHours` later, and
 *    flagged with every conflicting claim of other partners (see `conflicts.ts`).
 */
import type { GatedAction, PendingContract } from '../../schemas/contract.js';
import type { ProgramSettings } from '../../schemas/program.js';
import type { Rejection, SubmitRegistrationInput } from '../../schemas/registration.js';
import { type AccountIndex, vendorDirectSource } from '../accounts/tree.js';
import { allow, type Decision, type Reason, refuse } from '../decision.js';
import { type Instant, toIso, toMs } from '../time.js';
import {
  type ConflictRecord,
  findConflicts,
  isOutranked,
  type OtherRegistration,
  type ReservationClaim,
  uniqueProducts,
} from './conflicts.js';
import { describeAccount } from './explain.js';
import { decisionDueAt } from './sla.js';

/** A contract version the partner has not accepted. Without `gates` it is taken as gating. */
export type UnacceptedContract = Pick<PendingContract, 'contractId' | 'version' | 'title'> & {
  gates?: readonly GatedAction[];
};

export interface SubmissionFacts {
  input: Pick<SubmitRegistrationInput, 'accountId' | 'products'>;
  partnerId: string;
  /**
   * The id the new registration will be stored under, when the caller assigns it up front. Ties
   * at the same instant are then broken by id, exactly as approval and the other side's view of
   * the conflict break them; without it the new registration loses every tie.
   */
  id?: string | undefined;
  accounts: AccountIndex;
  pendingContracts: readonly UnacceptedContract[];
  /** Other registrations that may overlap; inactive ones are ignored. */
  activeRegistrations: readonly OtherRegistration[];
  activeReservations?: readonly ReservationClaim[] | undefined;
  /** The account's region, when known (region-limited reservations only clash in their region). */
  region?: string | undefined;
  settings: Pick<ProgramSettings, 'decisionHours'>;
  now: Instant;
}

interface OutcomeBase {
  submittedAt: string;
  decisionDueAt: string;
  slaBreached: false;
  /** The products as given, trimmed, each product line once. */
  products: string[];
}

export type SubmissionOutcome =
  | (OutcomeBase & { status: 'submitted'; contested: boolean; conflicts: ConflictRecord[] })
  | (OutcomeBase & { status: 'rejected'; rejection: Rejection; contested: false; conflicts: [] });

export type SubmissionRefusal = 'contract_acceptance_required' | 'not_found' | 'invalid_request';

export const VENDOR_DIRECT_RULE = 'vendor-direct accounts';

const gatesSubmission = (contract: UnacceptedContract): boolean =>
  contract.gates === undefined || contract.gates.includes('registration.submit');

export const decideSubmission = (
  facts: SubmissionFacts,
): Decision<SubmissionOutcome, SubmissionRefusal> => {
  const { input, partnerId, accounts, settings } = facts;
  const blocking = facts.pendingContracts.filter(gatesSubmission);
  const [first, ...rest] = blocking;
  if (first) {
    const reasonFor = (contract: UnacceptedContract): Reason<'contract_acceptance_required'> => ({
      code: 'contract_acceptance_required',
      message: `Accept "${contract.title}" version ${contract.version} before registering deals.`,
    });
    return refuse('contract_acceptance_required', reasonFor(first).message, ...rest.map(reasonFor));
  }
  if (!accounts.has(input.accountId)) {
    return refuse('not_found', `Account "${input.accountId}" does not exist.`);
  }
  const products = uniqueProducts(input.products);
  if (products.length === 0) {
    return refuse('invalid_request', 'Name at least one product line for the deal.');
  }

  const submittedAt = toIso(toMs(facts.now));
  const base: OutcomeBase = {
    submittedAt,
    decisionDueAt: decisionDueAt(submittedAt, settings),
    slaBreached: false,
    products,
  };

  const directSource = vendorDirectSource(accounts, input.accountId);
  if (directSource !== null) {
    const where =
      directSource === input.accountId
        ? `Account ${describeAccount(accounts, directSource)} is served directly by the vendor`
        : `Account ${describeAccount(accounts, input.accountId)} belongs to ${describeAccount(accounts, directSource)}, which is served directly by the vendor`;
    const reason = `${where}, so partners cannot register deals on it.`;
    return allow(
      {
        ...base,
        status: 'rejected',
        rejection: { code: 'vendor_direct_account', reason, rule: VENDOR_DIRECT_RULE },
        contested: false,
        conflicts: [],
      },
      [{ code: 'vendor_direct_account', message: reason }],
    );
  }

  const conflicts = findConflicts({
    registration: {
      ...(facts.id === undefined ? {} : { id: facts.id }),
      partnerId,
      accountId: input.accountId,
      products,
      submittedAt,
      region: facts.region,
    },
    others: facts.activeRegistrations,
    reservations: facts.activeReservations,
    accounts,
    now: facts.now,
  });
  const reasons: Reason[] =
    conflicts.length === 0
      ? []
      : [
          {
            code: 'contested',
            message: isOutranked(conflicts)
              ? 'Flagged: another partner claimed this account tree and product line first.'
              : 'Flagged: later claims by other partners overlap; this registration came first.',
          },
        ];
  return allow(
    { ...base, status: 'submitted', contested: conflicts.length > 0, conflicts },
    reasons,
  );
};
