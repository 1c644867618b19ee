import {
  checkReservation,
  decideRelease,
  decideRenewal,
  decideReservation,
  indexAccounts,
  type ProgramSettings,
  type ReservationListQuery,
  type ReserveInput,
} from '@openprm/core';
import { newId } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import { actingPartner, actorOf, assertVisible, type Principal } from '../http/principal.js';
import { fromRefusal, notFound } from '../http/problem.js';
import { accountsOfTree, findAccount, lockTree, toAccountNode } from '../queries/accounts.js';
import { findPartnerRow } from '../queries/partners.js';
import {
  activeReservationsOfTree,
  findReservation,
  insertReservation,
  listReservations,
  type ReservationRow,
  toReservation,
  updateReservation,
} from '../queries/reservations.js';
import { DEFAULT_PAGE_SIZE, decodeInstantIdCursor, encodeCursor } from '../queries/rows.js';
import type { AccountTreeCache } from './account-trees.js';
import { assertContractsAccepted } from './contract-gate.js';
import { recordAudit, recordEvent } from './outbox.js';

const treeState = async (tx: Queryable, rootId: string) => ({
  accounts: indexAccounts((await accountsOfTree(tx, rootId)).map(toAccountNode)),
  reservations: (await activeReservationsOfTree(tx, rootId)).map(toReservation),
});

/** "May I call on this customer?": core's rule over the tree as committed when the request came. */
export const checkReservationService = async (
  trees: AccountTreeCache,
  principal: Principal,
  accountId: string,
  settings: ProgramSettings,
  now: Date,
) => {
  const tree = await trees.treeOf(accountId);
  if (!tree) throw notFound(`Account ${accountId}`);
  return checkReservation({
    accountId,
    callerPartnerId: principal.partnerId,
    accounts: tree.accounts,
    reservations: tree.reservations,
    disclosure: settings.disclosure,
    now,
  });
};

const audit = async (
  tx: Queryable,
  principal: Principal,
  row: ReservationRow,
  action: string,
  from: string | null,
  now: Date,
) => {
  await recordAudit(tx, {
    subject: { type: 'reservation', id: row.id },
    partnerId: row.partner_id,
    at: now,
    actor: actorOf(principal),
    action,
    from,
    to: row.status,
  });
  await recordEvent(tx, {
    type: action as 'reservation.created',
    at: now,
    partnerId: row.partner_id,
    subject: { type: 'reservation', id: row.id },
    data: { reservation: toReservation(row) },
  });
};

/**
 * Reserves under a lock on the account's tree: concurrent requests for overlapping accounts,
 * from any number of server instances, are decided one after the other, so one wins.
 */
export const reserveService = async (
  tx: Queryable,
  principal: Principal,
  input: ReserveInput,
  settings: ProgramSettings,
  now: Date,
) => {
  const partnerId = actingPartner(principal, input.partnerId);
  if (!(await findPartnerRow(tx, partnerId))) throw notFound(`Partner ${partnerId}`);
  const account = await findAccount(tx, input.accountId);
  if (!account) throw notFound(`Account ${input.accountId}`);
  await assertContractsAccepted(tx, partnerId, 'reservation.create');
  await lockTree(tx, account.root_id);
  const decision = decideReservation({
    accountId: input.accountId,
    partnerId,
    region: input.region ?? null,
    ...(await treeState(tx, account.root_id)),
    settings,
    now,
  });
  if (!decision.ok) throw fromRefusal(decision);
  const row = await insertReservation(tx, {
    id: newId('res'),
    partnerId,
    accountId: input.accountId,
    rootId: account.root_id,
    region: decision.value.region,
    createdAt: now,
    expiresAt: decision.value.expiresAt,
  });
  await audit(tx, principal, row, 'reservation.created', null, now);
  return toReservation(row);
};

export const listReservationsService = async (
  tx: Queryable,
  principal: Principal,
  query: ReservationListQuery,
) => {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const after = decodeInstantIdCursor(query.cursor);
  const rows = await listReservations(tx, {
    partnerId: principal.partnerId ?? query.partnerId,
    accountId: query.accountId,
    status: query.status,
    after,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(toReservation),
    nextCursor:
      rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
  };
};

const visibleReservation = async (tx: Queryable, principal: Principal, id: string) => {
  const row = await findReservation(tx, id, true);
  if (!row) throw notFound(`Reservation ${id}`);
  assertVisible(principal, row.partner_id, `Reservation ${id}`);
  return row;
};

export const renewReservationService = async (
  tx: Queryable,
  principal: Principal,
  id: string,
  settings: ProgramSettings,
  now: Date,
) => {
  const row = await visibleReservation(tx, principal, id);
  const decision = decideRenewal({
    reservation: toReservation(row),
    partnerId: principal.partnerId ?? row.partner_id,
    settings,
    now,
  });
  if (!decision.ok) throw fromRefusal(decision);
  const updated = await updateReservation(tx, id, decision.value);
  await audit(tx, principal, updated, 'reservation.renewed', row.status, now);
  return toReservation(updated);
};

export const releaseReservationService = async (
  tx: Queryable,
  principal: Principal,
  id: string,
  now: Date,
) => {
  const row = await visibleReservation(tx, principal, id);
  const decision = decideRelease({
    reservation: toReservation(row),
    callerPartnerId: principal.partnerId,
    now,
  });
  if (!decision.ok) throw fromRefusal(decision);
  const updated = await updateReservation(tx, id, { status: 'released', releasedAt: now });
  await audit(tx, principal, updated, 'reservation.released', row.status, now);
  return toReservation(updated);
};
