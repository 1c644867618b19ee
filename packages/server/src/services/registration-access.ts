import { indexAccounts } from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { assertVisible, type Principal } from '../http/principal.js';
import { notFound } from '../http/problem.js';
import { lockTree, toAccountNode } from '../queries/accounts.js';
import { findRegistration, type TreeStateRows, treeStateRows } from '../queries/registrations.js';
import { toReservation } from '../queries/reservations.js';

/** Finding registrations for a caller, and the state of a tree the conflict rules look at. */

/** The registration when the caller may see it; another partner's is "not found", never 403. */
export const visibleRegistration = async (
  tx: Queryable,
  principal: Principal,
  id: string,
  lock = false,
) => {
  const row = await findRegistration(tx, id, lock);
  if (!row) throw notFound(`Registration ${id}`);
  assertVisible(principal, row.partner_id, `Registration ${id}`);
  return row;
};

/**
 * For status changes: locks the registration's account tree (its root row, as reservations do)
 * and then the registration itself, and reads it again under the lock. Every status change of a
 * registration takes the tree lock first, so an approval and the rejections it causes never race
 * a withdrawal, a manual rejection or a second approval on the same tree, on any instance.
 */
export const lockRegistrationForChange = async (
  tx: Queryable,
  principal: Principal,
  id: string,
) => {
  const found = await visibleRegistration(tx, principal, id);
  await lockTree(tx, found.root_id);
  return (await findRegistration(tx, id, true)) ?? found;
};

const asTree = (rows: TreeStateRows) => ({
  accountRows: rows.accounts,
  accounts: indexAccounts(rows.accounts.map(toAccountNode)),
  registrations: rows.registrations,
  reservations: rows.reservations.map(toReservation),
});

export type Tree = ReturnType<typeof asTree>;

const EMPTY_TREE: TreeStateRows = { accounts: [], registrations: [], reservations: [] };

/** The accounts, open registrations and active reservations of trees, in one statement, by root. */
export const loadTrees = async (tx: Queryable, rootIds: readonly string[]) => {
  const rows = await treeStateRows(tx, rootIds);
  return new Map(rootIds.map((rootId) => [rootId, asTree(rows.get(rootId) ?? EMPTY_TREE)]));
};

/** One tree, as `loadTrees` reads it. */
export const loadTree = async (tx: Queryable, rootId: string) =>
  (await loadTrees(tx, [rootId])).get(rootId) as Tree;
