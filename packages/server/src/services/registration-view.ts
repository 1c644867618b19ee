import {
  type ConflictViewer,
  type DisclosureLevel,
  discloseConflicts,
  isSlaBreached,
  type Registration,
} from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { isVendor, type Principal } from '../http/principal.js';
import {
  type CommentRow,
  commentsOf,
  type ExtensionRow,
  extensionsOf,
  toComment,
  toExtension,
} from '../queries/registration-details.js';
import type { RegistrationRow } from '../queries/registrations.js';
import { iso, num, optional } from '../queries/rows.js';

/** Who looks at a registration and how much of its conflicts the program lets them see. */
export interface RegistrationViewer {
  viewer: ConflictViewer;
  disclosure: DisclosureLevel;
  now: Date;
}

export const viewerOf = (
  principal: Principal,
  disclosure: DisclosureLevel,
  now: Date,
): RegistrationViewer => ({ viewer: isVendor(principal) ? 'vendor' : 'partner', disclosure, now });

/** What the owning partner sees: events and webhooks reach partners, so they carry this view. */
export const partnerViewer = (disclosure: DisclosureLevel, now: Date): RegistrationViewer => ({
  viewer: 'partner',
  disclosure,
  now,
});

const calendarDate = (value: string | Date) =>
  typeof value === 'string' ? value.slice(0, 10) : iso(value).slice(0, 10);

/**
 * A stored registration as the contract's JSON for one viewer: conflicts disclosed per the
 * program (`contested` stays true whatever is hidden), `slaBreached` true once the decision is
 * late even before the breach job flagged it, optional fields omitted when absent.
 */
export const toRegistration = (
  row: RegistrationRow,
  extensionRows: readonly ExtensionRow[],
  commentRows: readonly CommentRow[],
  { viewer, disclosure, now }: RegistrationViewer,
): Registration => {
  const decisionDueAt = iso(row.decision_due_at);
  const { contested, conflicts } = discloseConflicts(row.conflicts, { level: disclosure, viewer });
  const extensions = extensionRows.map(toExtension);
  return {
    id: row.id,
    partnerId: row.partner_id,
    accountId: row.account_id,
    status: row.status,
    products: row.products,
    estimatedValue: { amount: num(row.amount), currency: row.currency },
    expectedCloseDate: calendarDate(row.expected_close_date),
    ...optional('notes', row.notes),
    submittedAt: iso(row.submitted_at),
    decisionDueAt,
    slaBreached: row.sla_breached || isSlaBreached({ status: row.status, decisionDueAt }, now),
    ...optional('approvedAt', row.approved_at && iso(row.approved_at)),
    ...optional('expiresAt', row.expires_at && iso(row.expires_at)),
    ...optional(
      'marginBenefitPct',
      row.margin_benefit_pct === null ? null : num(row.margin_benefit_pct),
    ),
    ...optional('rejection', row.rejection),
    ...optional('closedAt', row.closed_at && iso(row.closed_at)),
    contested,
    conflicts,
    extensionsUsed: extensions.filter((extension) => extension.status === 'approved').length,
    extensions,
    comments: commentRows.map(toComment),
    ...optional('escalatedAt', row.escalated_at && iso(row.escalated_at)),
  };
};

const groupBy = <T extends { registration_id: string }>(rows: readonly T[]) => {
  const groups = new Map<string, T[]>();
  for (const row of rows)
    groups.set(row.registration_id, [...(groups.get(row.registration_id) ?? []), row]);
  return groups;
};

export interface RegistrationDetails {
  extensions: readonly ExtensionRow[];
  comments: readonly CommentRow[];
}

/** The extensions and comments of registrations, by id, in two queries (none for no ids). */
export const registrationDetails = async (
  tx: Queryable,
  ids: readonly string[],
): Promise<Map<string, RegistrationDetails>> => {
  if (ids.length === 0) return new Map();
  const extensions = groupBy(await extensionsOf(tx, ids));
  const comments = groupBy(await commentsOf(tx, ids));
  return new Map(
    ids.map((id) => [
      id,
      { extensions: extensions.get(id) ?? [], comments: comments.get(id) ?? [] },
    ]),
  );
};

/** Several registrations at once: their extensions and comments in two queries, not 2 × n. */
export const viewRegistrations = async (
  tx: Queryable,
  rows: readonly RegistrationRow[],
  viewer: RegistrationViewer,
): Promise<Registration[]> => {
  const details = await registrationDetails(
    tx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const { extensions, comments } = details.get(row.id) ?? { extensions: [], comments: [] };
    return toRegistration(row, extensions, comments, viewer);
  });
};

export const viewRegistration = async (
  tx: Queryable,
  row: RegistrationRow,
  viewer: RegistrationViewer,
): Promise<Registration> => (await viewRegistrations(tx, [row], viewer))[0] as Registration;
