import * as z from 'zod/mini';
import { Id, Timestamp } from './common.js';

export const EVENT_TYPES = [
  'account.created',
  'reservation.created',
  'reservation.renewed',
  'reservation.released',
  'reservation.expired',
  'registration.submitted',
  /** A later claim of another partner now overlaps this registration. */
  'registration.contested',
  'registration.approved',
  'registration.rejected',
  'registration.withdrawn',
  'registration.won',
  'registration.lost',
  'registration.expired',
  'registration.expiry_warning',
  'registration.sla_breached',
  'registration.extension_requested',
  'registration.extension_approved',
  'registration.extension_rejected',
  'registration.commented',
  'registration.escalated',
  'partner.skills_updated',
  'targets.updated',
  'metrics.recorded',
  'objective.created',
  'contract.created',
  'contract.version_published',
  'contract.accepted',
  'import.progress',
  'import.completed',
  'import.failed',
] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

/** A state change, written in the same transaction as the change (outbox). */
export const PrmEvent = z.object({
  id: z.string(),
  type: EventType,
  at: Timestamp,
  /** The partner the event concerns; `null` for vendor-only events. Partners see only their own. */
  partnerId: z.nullable(Id),
  subject: z.object({ type: z.string(), id: z.string() }),
  data: z.record(z.string(), z.unknown()),
});
export type PrmEvent = z.infer<typeof PrmEvent>;

export const EventStreamQuery = z.object({
  /** Comma-separated event types; all when absent. */
  types: z.optional(z.string().check(z.maxLength(2000))),
});
