/**
 * Approving a registration (DESIGN §2.2): only a `submitted` one. Approval starts the protection
 * period (`protectionDays`, default from the program) and sets the margin benefit, and it rejects
 * every overlapping pending registration of other partners with `conflict_resolved`.
 *
 * First-come priority is shown to the reviewer, and the rule keeps it unless told otherwise:
 * - another partner's overlapping registration that is already approved blocks the approval
 *   (`rule_refused`): at most one registration per account tree and product line is protected;
 * - when an earlier pending registration or a reservation of another partner has priority, the
 *   reviewer may still approve (they may know the earlier one cannot qualify) but must give a
 *   `note`; the outcome says priority was overridden and the rejected partner reads that note.
 * Rejection texts never name another partner's record: partners learn the rule, not the rival.
 */
import type { ProgramSettings } from '../../schemas/program.js';
import type {
  ApproveRegistrationInput,
  Registration,
  Rejection,
} from '../../schemas/registration.js';
import type { AccountIndex } from '../accounts/tree.js';
import { allow, type Decision, type Reason, refuse } from '../decision.js';
import { addDays, type Instant, toIso, toMs } from '../time.js';
import {
  type ConflictRecord,
  findConflicts,
  type OtherRegistration,
  type ReservationClaim,
  sharedProducts,
} from './conflicts.js';
import { listInWords } from './explain.js';
import { decideTransition } from './lifecycle.js';

export const FIRST_COME_RULE = 'first-come priority';
export const OVERRIDE_RULE = 'reviewer override of first-come priority';

export interface ApprovalFacts {
  registration: Pick<
    Registration,
    'id' | 'partnerId' | 'accountId' | 'products' | 'submittedAt' | 'status'
  > & {
    /** The account's region, as at submission: a reservation limited to another region does not clash. */
    region?: string | undefined;
  };
  others: readonly OtherRegistration[];
  reservations?: readonly ReservationClaim[] | undefined;
  accounts: AccountIndex;
  settings: Pick<ProgramSettings, 'protectionDays' | 'marginBenefitPct'>;
  input: Pick<ApproveRegistrationInput, 'marginBenefitPct' | 'protectionDays' | 'note'>;
  now: Instant;
}

/** A pending registration of another partner that this approval rejects. */
export interface ConflictResolvedRejection {
  registrationId: string;
  partnerId: string;
  /** For the audit trail and the vendor; never shown to the rejected partner. */
  approvedRegistrationId: string;
  rejection: Rejection & { code: 'conflict_resolved'; rule: string };
}

export interface ApprovalOutcome {
  status: 'approved';
  approvedAt: string;
  expiresAt: string;
  protectionDays: number;
  marginBenefitPct: number;
  /** An earlier claim of another partner had priority and the reviewer approved this one anyway. */
  priorityOverridden: boolean;
  rejections: ConflictResolvedRejection[];
}

export type ApprovalRefusal =
  | 'invalid_transition'
  | 'forbidden'
  | 'invalid_request'
  | 'rule_refused';

const isWholeDaysInRange = (days: number) => Number.isInteger(days) && days >= 1 && days <= 730;
const isPercentage = (pct: number) => Number.isFinite(pct) && pct >= 0 && pct <= 100;

export const decideApproval = (
  facts: ApprovalFacts,
): Decision<ApprovalOutcome, ApprovalRefusal> => {
  const { registration, input, settings } = facts;
  const transition = decideTransition({
    from: registration.status,
    to: 'approved',
    actor: 'vendor',
  });
  if (!transition.ok) return transition;

  const protectionDays = input.protectionDays ?? settings.protectionDays;
  const marginBenefitPct = input.marginBenefitPct ?? settings.marginBenefitPct;
  if (!isWholeDaysInRange(protectionDays)) {
    return refuse('invalid_request', 'The protection period must be 1 to 730 whole days.');
  }
  if (!isPercentage(marginBenefitPct)) {
    return refuse('invalid_request', 'The margin benefit must be a percentage from 0 to 100.');
  }

  const conflicts = findConflicts({
    registration,
    others: facts.others,
    reservations: facts.reservations,
    accounts: facts.accounts,
    now: facts.now,
  });
  const approvedRival = conflicts.find((c) => c.kind === 'registration' && c.status === 'approved');
  if (approvedRival) {
    return refuse(
      'rule_refused',
      `Registration ${approvedRival.id} of partner ${approvedRival.partnerId} is already approved for this account tree and product line; it must close, expire or be withdrawn before another can be approved.`,
    );
  }
  const ahead = conflicts.filter((c) => c.priority === 'theirs');
  const note = input.note?.trim() ?? '';
  if (ahead.length > 0 && note === '') {
    return refuse(
      'rule_refused',
      `${describeClaims(ahead)} of another partner came first and ${ahead.length === 1 ? 'has' : 'have'} priority; to approve this registration anyway, add a note explaining why.`,
    );
  }

  const priorityOverridden = ahead.length > 0;
  const rejections = conflicts
    .filter((c) => c.kind === 'registration' && c.status === 'submitted')
    .map((c) => rejectPending(c, registration, facts.others, note));
  const approvedAt = toIso(toMs(facts.now));
  const reasons: Reason[] = [
    ...(priorityOverridden
      ? [{ code: 'priority_overridden', message: `First-come priority overridden: ${note}` }]
      : []),
    ...rejections.map((r) => ({
      code: 'conflict_resolved',
      message: `Registration ${r.registrationId} of partner ${r.partnerId} is rejected (${r.rejection.rule}).`,
    })),
  ];
  return allow(
    {
      status: 'approved',
      approvedAt,
      expiresAt: addDays(approvedAt, protectionDays),
      protectionDays,
      marginBenefitPct,
      priorityOverridden,
      rejections,
    },
    reasons,
  );
};

const describeClaims = (claims: readonly ConflictRecord[]): string =>
  listInWords(
    claims.map((c) => `${c.kind === 'registration' ? 'Registration' : 'Reservation'} ${c.id}`),
  );

const rejectPending = (
  conflict: ConflictRecord,
  approved: ApprovalFacts['registration'],
  others: readonly OtherRegistration[],
  note: string,
): ConflictResolvedRejection => {
  const own = others.find((o) => o.id === conflict.id)?.products ?? conflict.sharedProducts;
  const products = listInWords(sharedProducts(own, approved.products));
  // `ours`, seen from the approved registration, means it came first: the normal case.
  const rejection: ConflictResolvedRejection['rejection'] =
    conflict.priority === 'ours'
      ? {
          code: 'conflict_resolved',
          rule: FIRST_COME_RULE,
          reason: `Another partner registered an overlapping deal on the same account tree for ${products} earlier, and it has been approved; under first-come priority that registration holds the deal.`,
        }
      : {
          code: 'conflict_resolved',
          rule: OVERRIDE_RULE,
          reason: `This registration came first, but the vendor approved another partner's overlapping registration on the same account tree for ${products}, overriding first-come priority: ${note}`,
        };
  return {
    registrationId: conflict.id,
    partnerId: conflict.partnerId,
    approvedRegistrationId: approved.id,
    rejection,
  };
};
