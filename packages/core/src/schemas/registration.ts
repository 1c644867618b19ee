import * as z from 'zod/mini';
import { RejectionCode } from './codes.js';
import {
  CalendarDate,
  Id,
  Money,
  Name,
  PageCursor,
  PageLimit,
  QueryBoolean,
  Text,
  Timestamp,
} from './common.js';

export const RegistrationStatus = z.enum([
  'submitted',
  'approved',
  'rejected',
  'won',
  'lost',
  'expired',
  'withdrawn',
]);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

/** How much a contested partner learns about the other side of a conflict. */
export const DisclosureLevel = z.enum(['none', 'existence', 'identity']);
export type DisclosureLevel = z.infer<typeof DisclosureLevel>;

export const Rejection = z.object({
  code: RejectionCode,
  /** The human explanation; required, never empty. */
  reason: Text(2000),
  /** The rule that decided, for automatic rejections, e.g. `first-come priority`. */
  rule: z.optional(z.string()),
});
export type Rejection = z.infer<typeof Rejection>;

/**
 * One overlapping claim on the same account tree and product line. What a partner sees follows
 * the disclosure policy: `existence` shows when and in which status, `identity` adds `partnerId`.
 */
export const Conflict = z.object({
  kind: z.enum(['registration', 'reservation']),
  /** Only for vendor roles. */
  id: z.optional(Id),
  submittedAt: Timestamp,
  status: z.string(),
  /** `theirs`: the other claim came first and has priority; `ours`: this registration does. */
  priority: z.enum(['theirs', 'ours']),
  partnerId: z.optional(Id),
});
export type Conflict = z.infer<typeof Conflict>;

export const ExtensionStatus = z.enum(['requested', 'approved', 'rejected']);
export const Extension = z.object({
  id: Id,
  requestedAt: Timestamp,
  justification: Text(2000),
  days: z.number().check(z.int(), z.gte(1), z.lte(180)),
  status: ExtensionStatus,
  decidedAt: z.optional(Timestamp),
  decisionReason: z.optional(z.string()),
});
export type Extension = z.infer<typeof Extension>;

export const Actor = z.object({
  type: z.enum(['user', 'api_key', 'system']),
  id: z.string(),
  name: z.optional(z.string()),
});
export type Actor = z.infer<typeof Actor>;

export const Comment = z.object({
  id: Id,
  at: Timestamp,
  author: Actor,
  kind: z.enum(['comment', 'escalation']),
  body: Text(4000),
});
export type Comment = z.infer<typeof Comment>;

/** An append-only record of a change: who, when, from, to, why. */
export const AuditEvent = z.object({
  id: Id,
  at: Timestamp,
  actor: Actor,
  action: z.string(),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  data: z.optional(z.record(z.string(), z.unknown())),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const Registration = z.object({
  id: Id,
  partnerId: Id,
  accountId: Id,
  status: RegistrationStatus,
  products: z.array(Name),
  estimatedValue: Money,
  expectedCloseDate: CalendarDate,
  notes: z.optional(z.string()),
  submittedAt: Timestamp,
  /** The hard time limit for the vendor's decision. */
  decisionDueAt: Timestamp,
  slaBreached: z.boolean(),
  approvedAt: z.optional(Timestamp),
  /** End of the protection period (approved registrations). */
  expiresAt: z.optional(Timestamp),
  marginBenefitPct: z.optional(z.number().check(z.gte(0), z.lte(100))),
  rejection: z.optional(Rejection),
  closedAt: z.optional(Timestamp),
  /** True when another claim overlaps, even where the policy discloses nothing more. */
  contested: z.boolean(),
  conflicts: z.array(Conflict),
  extensionsUsed: z.number().check(z.int(), z.gte(0)),
  extensions: z.array(Extension),
  comments: z.array(Comment),
  escalatedAt: z.optional(Timestamp),
});
export type Registration = z.infer<typeof Registration>;

export const SubmitRegistrationInput = z.object({
  accountId: Id,
  products: z.array(Name).check(z.minLength(1), z.maxLength(50)),
  estimatedValue: Money,
  expectedCloseDate: CalendarDate,
  notes: z.optional(z.string().check(z.maxLength(4000))),
  /** Vendor roles may register on behalf of a partner. */
  partnerId: z.optional(Id),
});
export type SubmitRegistrationInput = z.infer<typeof SubmitRegistrationInput>;

export const ApproveRegistrationInput = z.object({
  /** Defaults to the program's margin benefit. */
  marginBenefitPct: z.optional(z.number().check(z.gte(0), z.lte(100))),
  /** Defaults to the program's protection period (90 days). */
  protectionDays: z.optional(z.number().check(z.int(), z.gte(1), z.lte(730))),
  note: z.optional(Text(2000)),
});
export type ApproveRegistrationInput = z.infer<typeof ApproveRegistrationInput>;

export const RejectRegistrationInput = z.object({ code: RejectionCode, reason: Text(2000) });
export type RejectRegistrationInput = z.infer<typeof RejectRegistrationInput>;

export const WithdrawRegistrationInput = z.object({ reason: z.optional(Text(2000)) });
export type WithdrawRegistrationInput = z.infer<typeof WithdrawRegistrationInput>;

export const CloseRegistrationInput = z.object({
  outcome: z.enum(['won', 'lost']),
  reason: z.optional(Text(2000)),
  actualValue: z.optional(Money),
});
export type CloseRegistrationInput = z.infer<typeof CloseRegistrationInput>;

export const RequestExtensionInput = z.object({
  justification: Text(2000),
  days: z.number().check(z.int(), z.gte(1), z.lte(180)),
});
export type RequestExtensionInput = z.infer<typeof RequestExtensionInput>;

export const DecideExtensionInput = z.object({ reason: z.optional(Text(2000)) });
/** Refusing an extension needs a reason, like every other refusal. */
export const RejectExtensionInput = z.object({ reason: Text(2000) });
export type DecideExtensionInput = z.infer<typeof DecideExtensionInput>;
export type RejectExtensionInput = z.infer<typeof RejectExtensionInput>;

export const CommentInput = z.object({ body: Text(4000) });
export type CommentInput = z.infer<typeof CommentInput>;

export const EscalateInput = z.object({ reason: Text(2000) });
export type EscalateInput = z.infer<typeof EscalateInput>;

export const RegistrationListQuery = z.object({
  status: z.optional(RegistrationStatus),
  partnerId: z.optional(Id),
  accountId: z.optional(Id),
  slaBreached: z.optional(QueryBoolean),
  /** `queue`: the vendor's order — SLA breaches first, then by decision due time. */
  sort: z.optional(z.enum(['queue', 'newest'])),
  cursor: PageCursor,
  limit: PageLimit,
});
export type RegistrationListQuery = z.infer<typeof RegistrationListQuery>;
