import {
  decideExtensionDecision,
  decideExtensionRequest,
  type ProgramSettings,
  type Registration,
  type RequestExtensionInput,
} from '@openprm/core';
import { newId } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import { actorOf, type Principal } from '../http/principal.js';
import { fromRefusal, notFound } from '../http/problem.js';
import {
  decideExtensionRow,
  extensionsOf,
  insertExtension,
  toExtension,
} from '../queries/registration-details.js';
import { updateRegistration } from '../queries/registrations.js';
import { iso, optional } from '../queries/rows.js';
import { visibleRegistration } from './registration-access.js';
import { recordRegistrationChange } from './registration-trail.js';
import { viewerOf, viewRegistration } from './registration-view.js';

/**
 * Longer protection (DESIGN §2.2): the partner asks with a justification, a reviewer grants or
 * refuses, within the program's limit (core's extension rules). The registration row is locked,
 * so two requests or two decisions on one registration happen one after the other.
 */

const lockedWithExtensions = async (tx: Queryable, principal: Principal, id: string) => {
  const row = await visibleRegistration(tx, principal, id, true);
  const extensions = (await extensionsOf(tx, [id])).map(toExtension);
  return {
    row,
    extensions,
    facts: {
      status: row.status,
      ...optional('expiresAt', row.expires_at && iso(row.expires_at)),
      extensions,
      extensionsUsed: extensions.filter((extension) => extension.status === 'approved').length,
    },
  };
};

export const requestExtension = async (
  tx: Queryable,
  principal: Principal,
  id: string,
  input: RequestExtensionInput,
  settings: ProgramSettings,
  now: Date,
): Promise<Registration> => {
  const { row, facts } = await lockedWithExtensions(tx, principal, id);
  const decision = decideExtensionRequest({
    registration: facts,
    justification: input.justification,
    days: input.days,
    settings,
    now,
  });
  if (!decision.ok) throw fromRefusal(decision);
  const extension = await insertExtension(tx, {
    id: newId('ext'),
    registrationId: id,
    requestedAt: decision.value.requestedAt,
    justification: decision.value.justification,
    days: decision.value.days,
  });
  await recordRegistrationChange(tx, {
    row,
    actor: actorOf(principal),
    action: 'registration.extension_requested',
    data: {
      extensionId: extension.id,
      days: extension.days,
      justification: extension.justification,
    },
    eventData: { extension: toExtension(extension) },
    disclosure: settings.disclosure,
    now,
  });
  return viewRegistration(tx, row, viewerOf(principal, settings.disclosure, now));
};

export const decideExtension = async (
  tx: Queryable,
  principal: Principal,
  ids: { id: string; eid: string },
  approve: boolean,
  reason: string | undefined,
  settings: ProgramSettings,
  now: Date,
): Promise<Registration> => {
  const { row, extensions, facts } = await lockedWithExtensions(tx, principal, ids.id);
  const extension = extensions.find((candidate) => candidate.id === ids.eid);
  if (!extension) throw notFound(`Extension ${ids.eid} of registration ${ids.id}`);
  const decision = decideExtensionDecision({
    registration: facts,
    extension,
    approve,
    reason,
    now,
  });
  if (!decision.ok) throw fromRefusal(decision);
  const decided = toExtension(await decideExtensionRow(tx, decision.value.extension));
  const { expiresAt } = decision.value;
  // A new end of protection gets its own warnings, counted afresh.
  const updated =
    approve && expiresAt !== undefined
      ? await updateRegistration(tx, row.id, { expiresAt, resetWarnings: true })
      : row;
  await recordRegistrationChange(tx, {
    row: updated,
    actor: actorOf(principal),
    action: approve ? 'registration.extension_approved' : 'registration.extension_rejected',
    data: {
      extensionId: decided.id,
      ...(approve ? { days: decided.days, expiresAt } : {}),
      ...optional('reason', decided.decisionReason),
    },
    eventData: { extension: decided },
    disclosure: settings.disclosure,
    now,
  });
  return viewRegistration(tx, updated, viewerOf(principal, settings.disclosure, now));
};
