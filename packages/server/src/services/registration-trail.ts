import {
  type Actor,
  type DisclosureLevel,
  type EventType,
  isSlaBreached,
  type Registration,
  type RegistrationStatus,
} from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { type RegistrationRow, updateRegistration } from '../queries/registrations.js';
import { iso } from '../queries/rows.js';
import { type AuditEntry, type OutboxEvent, recordAuditAndEvent } from './outbox.js';
import {
  partnerViewer,
  type RegistrationDetails,
  toRegistration,
  viewRegistration,
} from './registration-view.js';

/** The actor of what a rule does by itself: automatic rejections, breach flags. */
export const systemActor = (rule: string): Actor => ({ type: 'system', id: 'openprm', name: rule });

type RegistrationEventType = Extract<EventType, `registration.${string}`>;

export interface RegistrationChangeRecord {
  /** The registration after the change. */
  row: RegistrationRow;
  actor: Actor;
  action: RegistrationEventType;
  /** For status changes: the status before; `to` is the row's status now. */
  from?: RegistrationStatus | null;
  /** Why, and what else the reader of the trail needs. Never another partner's ids. */
  data?: Record<string, unknown>;
  /** Added to the event besides the registration. */
  eventData?: Record<string, unknown>;
  disclosure: DisclosureLevel;
  now: Date;
  /** The registration's extensions and comments when known (a new one has none): no look-up. */
  details?: RegistrationDetails;
}

/**
 * The audit trail entry and the outbox event of one change, given the registration as the owning
 * partner sees it (events reach that partner).
 */
export const registrationChangeRecords = (
  change: RegistrationChangeRecord,
  registration: Registration,
): { entry: AuditEntry; event: OutboxEvent } => {
  const { row, now } = change;
  const subject = { type: 'registration', id: row.id };
  return {
    entry: {
      subject,
      partnerId: row.partner_id,
      at: now,
      actor: change.actor,
      action: change.action,
      ...(change.from === undefined ? {} : { from: change.from, to: row.status }),
      ...(change.data && Object.keys(change.data).length > 0 ? { data: change.data } : {}),
    },
    event: {
      type: change.action,
      at: now,
      partnerId: row.partner_id,
      subject,
      data: { registration, ...change.eventData },
    },
  };
};

/**
 * Writes one change to the append-only audit trail and to the outbox, in the caller's
 * transaction.
 */
export const recordRegistrationChange = async (tx: Queryable, change: RegistrationChangeRecord) => {
  const viewer = partnerViewer(change.disclosure, change.now);
  const registration = change.details
    ? toRegistration(change.row, change.details.extensions, change.details.comments, viewer)
    : await viewRegistration(tx, change.row, viewer);
  const { entry, event } = registrationChangeRecords(change, registration);
  await recordAuditAndEvent(tx, entry, event);
};

/**
 * Before a pending registration leaves `submitted`: when its decision is late and the breach job
 * has not flagged it yet, flag it now and emit the breach. Afterwards `isSlaBreached` no longer
 * holds, so without this a late decision would never be reported.
 */
export const flagLateDecision = async (
  tx: Queryable,
  row: RegistrationRow,
  disclosure: DisclosureLevel,
  now: Date,
): Promise<RegistrationRow> => {
  const decisionDueAt = iso(row.decision_due_at);
  if (row.sla_breached || !isSlaBreached({ status: row.status, decisionDueAt }, now)) return row;
  const flagged = await updateRegistration(tx, row.id, { slaBreached: true });
  await recordRegistrationChange(tx, {
    row: flagged,
    actor: systemActor('decision time limit'),
    action: 'registration.sla_breached',
    data: { decisionDueAt },
    disclosure,
    now,
  });
  return flagged;
};
