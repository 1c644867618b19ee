import {
  type CloseRegistrationInput,
  decideRejection,
  decideTransition,
  type ProgramSettings,
  type Registration,
  type RejectRegistrationInput,
  type WithdrawRegistrationInput,
} from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { actorOf, isVendor, type Principal } from '../http/principal.js';
import { fromRefusal } from '../http/problem.js';
import {
  type RegistrationChange,
  type RegistrationRow,
  updateConflictStatus,
  updateRegistration,
} from '../queries/registrations.js';
import { lockRegistrationForChange } from './registration-access.js';
import { flagLateDecision, recordRegistrationChange } from './registration-trail.js';
import { viewerOf, viewRegistration } from './registration-view.js';

/** Rejecting, withdrawing and closing: each one step of core's lifecycle, audited. */

type StatusChange = RegistrationChange & { status: NonNullable<RegistrationChange['status']> };

const applyStatusChange = async (
  tx: Queryable,
  principal: Principal,
  row: RegistrationRow,
  change: StatusChange,
  data: Record<string, unknown>,
  settings: ProgramSettings,
  now: Date,
): Promise<Registration> => {
  await flagLateDecision(tx, row, settings.disclosure, now);
  const updated = await updateRegistration(tx, row.id, change);
  await updateConflictStatus(tx, row.root_id, row.id, change.status);
  await recordRegistrationChange(tx, {
    row: updated,
    actor: actorOf(principal),
    action: `registration.${change.status}` as 'registration.rejected',
    from: row.status,
    data,
    disclosure: settings.disclosure,
    now,
  });
  return viewRegistration(tx, updated, viewerOf(principal, settings.disclosure, now));
};

/** A reviewer's rejection: a code from the published list and an explanation, always both. */
export const rejectRegistration = async (
  tx: Queryable,
  principal: Principal,
  id: string,
  input: RejectRegistrationInput,
  settings: ProgramSettings,
  now: Date,
) => {
  const row = await lockRegistrationForChange(tx, principal, id);
  const decision = decideRejection({
    registration: row,
    code: input.code,
    reason: input.reason,
    actor: 'vendor',
  });
  if (!decision.ok) throw fromRefusal(decision);
  const { rejection } = decision.value;
  return applyStatusChange(
    tx,
    principal,
    row,
    { status: 'rejected', rejection },
    { rejection },
    settings,
    now,
  );
};

/** The partner takes back a submitted or approved registration. */
export const withdrawRegistration = async (
  tx: Queryable,
  principal: Principal,
  id: string,
  input: WithdrawRegistrationInput,
  settings: ProgramSettings,
  now: Date,
) => {
  const row = await lockRegistrationForChange(tx, principal, id);
  const decision = decideTransition({ from: row.status, to: 'withdrawn', actor: 'partner' });
  if (!decision.ok) throw fromRefusal(decision);
  const data = input.reason ? { reason: input.reason } : {};
  return applyStatusChange(tx, principal, row, { status: 'withdrawn' }, data, settings, now);
};

/** The outcome of an approved deal, reported by the partner or recorded by a reviewer. */
export const closeRegistration = async (
  tx: Queryable,
  principal: Principal,
  id: string,
  input: CloseRegistrationInput,
  settings: ProgramSettings,
  now: Date,
) => {
  const row = await lockRegistrationForChange(tx, principal, id);
  const actor = isVendor(principal) ? 'vendor' : 'partner';
  const decision = decideTransition({ from: row.status, to: input.outcome, actor });
  if (!decision.ok) throw fromRefusal(decision);
  // The actual value has no column of its own: it lives in the trail and the event for scorecards.
  const data = {
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.actualValue ? { actualValue: input.actualValue } : {}),
  };
  return applyStatusChange(
    tx,
    principal,
    row,
    { status: input.outcome, closedAt: now.toISOString() },
    data,
    settings,
    now,
  );
};
