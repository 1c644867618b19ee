import {
  type ApproveRegistrationInput,
  decideApproval,
  type ProgramSettings,
  type Registration,
} from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { actorOf, type Principal } from '../http/principal.js';
import { fromRefusal } from '../http/problem.js';
import {
  findRegistration,
  type RegistrationRow,
  toClaim,
  updateConflictStatus,
  updateRegistration,
} from '../queries/registrations.js';
import { loadTree, lockRegistrationForChange } from './registration-access.js';
import { flagLateDecision, recordRegistrationChange, systemActor } from './registration-trail.js';
import { viewerOf, viewRegistration } from './registration-view.js';

/**
 * Approves a registration (DESIGN §2.2) under its tree's lock: of concurrent approvals of
 * overlapping registrations, on any number of instances, exactly one succeeds; the others then
 * find their registration rejected (`conflict_resolved`) and answer `invalid_transition`.
 * Core's `decideApproval` sets the protection period and margin and names the pending
 * registrations of other partners to reject; each rejection is its own audited change.
 */
export const approveRegistration = async (
  tx: Queryable,
  principal: Principal,
  id: string,
  input: ApproveRegistrationInput,
  settings: ProgramSettings,
  now: Date,
): Promise<Registration> => {
  const row = await lockRegistrationForChange(tx, principal, id);
  const tree = await loadTree(tx, row.root_id);
  const region = tree.accountRows.find((account) => account.id === row.account_id)?.region;
  const decision = decideApproval({
    registration: { ...toClaim(row), region },
    others: tree.registrations.map(toClaim),
    reservations: tree.reservations,
    accounts: tree.accounts,
    settings,
    input,
    now,
  });
  if (!decision.ok) throw fromRefusal(decision);
  const outcome = decision.value;
  const common = { disclosure: settings.disclosure, now };

  await flagLateDecision(tx, row, settings.disclosure, now);
  await updateRegistration(tx, id, {
    status: 'approved',
    approvedAt: outcome.approvedAt,
    expiresAt: outcome.expiresAt,
    marginBenefitPct: outcome.marginBenefitPct,
  });
  await updateConflictStatus(tx, row.root_id, id, 'approved');
  const rejections = outcome.rejections.flatMap(({ registrationId, rejection }) => {
    const pending = tree.registrations.find((candidate) => candidate.id === registrationId);
    return pending ? [{ pending, rejection }] : [];
  });
  for (const { pending, rejection } of rejections) {
    await flagLateDecision(tx, pending, settings.disclosure, now);
    await updateRegistration(tx, pending.id, { status: 'rejected', rejection });
    await updateConflictStatus(tx, row.root_id, pending.id, 'rejected');
  }

  // Recorded once every row is written, so each event shows the conflicts' final statuses.
  const approved = await reread(tx, id);
  await recordRegistrationChange(tx, {
    ...common,
    row: approved,
    actor: actorOf(principal),
    action: 'registration.approved',
    from: row.status,
    data: {
      protectionDays: outcome.protectionDays,
      marginBenefitPct: outcome.marginBenefitPct,
      expiresAt: outcome.expiresAt,
      ...(outcome.priorityOverridden ? { priorityOverridden: true } : {}),
      ...(input.note ? { note: input.note } : {}),
    },
  });
  for (const { pending, rejection } of rejections) {
    await recordRegistrationChange(tx, {
      ...common,
      row: await reread(tx, pending.id),
      actor: systemActor(rejection.rule),
      action: 'registration.rejected',
      from: pending.status,
      // The approved registration belongs to another partner: the trail names the rule, not it.
      data: { rejection },
    });
  }
  return viewRegistration(tx, approved, viewerOf(principal, settings.disclosure, now));
};

const reread = async (tx: Queryable, id: string) =>
  (await findRegistration(tx, id)) as RegistrationRow;
