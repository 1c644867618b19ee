import {
  decideComment,
  decideEscalation,
  type ProgramSettings,
  type Registration,
} from '@openprm/core';
import { newId } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import { actorOf, type Principal } from '../http/principal.js';
import { fromRefusal } from '../http/problem.js';
import { insertComment, toComment } from '../queries/registration-details.js';
import { updateRegistration } from '../queries/registrations.js';
import { iso, optional } from '../queries/rows.js';
import { visibleRegistration } from './registration-access.js';
import { recordRegistrationChange } from './registration-trail.js';
import { viewerOf, viewRegistration } from './registration-view.js';

/** The registration record is the conversation (DESIGN §2.2): comments and escalation. */

export const commentOnRegistration = async (
  tx: Queryable,
  principal: Principal,
  id: string,
  body: string,
  settings: ProgramSettings,
  now: Date,
): Promise<Registration> => {
  const row = await visibleRegistration(tx, principal, id);
  const decision = decideComment(body);
  if (!decision.ok) throw fromRefusal(decision);
  const comment = await insertComment(tx, {
    id: newId('cmt'),
    registrationId: id,
    at: now,
    author: actorOf(principal),
    kind: 'comment',
    body: decision.value.body,
  });
  await recordRegistrationChange(tx, {
    row,
    actor: actorOf(principal),
    action: 'registration.commented',
    data: { commentId: comment.id },
    eventData: { comment: toComment(comment) },
    disclosure: settings.disclosure,
    now,
  });
  return viewRegistration(tx, row, viewerOf(principal, settings.disclosure, now));
};

/** The owning partner calls for the channel manager's attention, at most once a day. */
export const escalateRegistration = async (
  tx: Queryable,
  principal: Principal,
  id: string,
  reason: string,
  settings: ProgramSettings,
  now: Date,
): Promise<Registration> => {
  const row = await visibleRegistration(tx, principal, id, true);
  const decision = decideEscalation({
    registration: {
      partnerId: row.partner_id,
      status: row.status,
      ...optional('escalatedAt', row.escalated_at && iso(row.escalated_at)),
    },
    callerPartnerId: principal.partnerId,
    reason,
    now,
  });
  if (!decision.ok) throw fromRefusal(decision);
  const comment = await insertComment(tx, {
    id: newId('cmt'),
    registrationId: id,
    at: now,
    author: actorOf(principal),
    kind: 'escalation',
    body: decision.value.reason,
  });
  const updated = await updateRegistration(tx, id, { escalatedAt: decision.value.escalatedAt });
  await recordRegistrationChange(tx, {
    row: updated,
    actor: actorOf(principal),
    action: 'registration.escalated',
    data: { reason: decision.value.reason, commentId: comment.id },
    eventData: { comment: toComment(comment) },
    disclosure: settings.disclosure,
    now,
  });
  return viewRegistration(tx, updated, viewerOf(principal, settings.disclosure, now));
};
