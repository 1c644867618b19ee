import {
  type Account,
  type AccountDetail,
  type AccountSearchQuery,
  accountKeys,
  accountLookupKeys,
  type CreateAccountInput,
  normalizeAccountName,
  normalizeDomain,
} from '@openprm/core';
import { newId } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import type { Principal } from '../http/principal.js';
import { actorOf } from '../http/principal.js';
import { notFound, ProblemError } from '../http/problem.js';
import {
  accountsOfTree,
  accountsWithKeys,
  findAccount,
  insertAccount,
  searchAccounts,
  toAccount,
} from '../queries/accounts.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor } from '../queries/rows.js';
import { recordAudit, recordEvent } from './outbox.js';

/** Forgiving look-up: "ACME, Inc." = "Acme Inc" = acme.com, plus name prefixes while typing. */
export const searchAccountsService = async (tx: Queryable, query: AccountSearchQuery) => {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const after = decodeCursor(query.cursor);
  const text = query.query?.trim() ?? '';
  const normalized = text === '' ? '' : normalizeAccountName(text);
  // Text that normalises to nothing ("!!!") matches nothing, rather than every account.
  if (text !== '' && normalized === '') return { data: [], nextCursor: null };
  const prefix = text === '' ? null : normalized.replace(/[\\%_]/g, '\\$&');
  const rows = await searchAccounts(tx, {
    keys: text === '' ? [] : [...accountLookupKeys(text)],
    prefix,
    after: after ? String(after[0]) : null,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit).map(toAccount);
  const last = page.at(-1);
  return { data: page, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
};

/** Creates an account; a duplicate by normalised name or domain under the same parent is a 409. */
export const createAccountService = async (
  tx: Queryable,
  principal: Principal,
  input: CreateAccountInput,
  now: Date,
): Promise<Account> => {
  if (input.vendorDirect && principal.partnerId !== null) {
    throw new ProblemError('forbidden', 'Only vendor roles mark an account vendor-direct.', {
      errors: [{ path: 'vendorDirect', message: 'Vendor roles only' }],
    });
  }
  const parentId = input.parentId ?? null;
  // Serialise creations under one parent, so concurrent identical requests cannot both pass
  // the duplicate check (PostgreSQL runs them in parallel; PGlite already serialises).
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [
    `account-parent:${parentId ?? ''}`,
  ]);
  const parent = parentId === null ? null : await findAccount(tx, parentId);
  if (parentId !== null && !parent) {
    throw new ProblemError('not_found', `Parent account ${parentId} was not found.`, {
      errors: [{ path: 'parentId', message: 'Unknown account' }],
    });
  }
  const keys = [
    ...accountKeys({ name: input.name, ...(input.domain ? { domain: input.domain } : {}) }),
  ];
  const exact = keys.filter((key) => !key.startsWith('stem:'));
  const [duplicate] = await accountsWithKeys(tx, exact, parentId);
  if (duplicate) {
    throw new ProblemError(
      'already_exists',
      `"${duplicate.name}" (${duplicate.id}) already exists with the same name or domain.`,
      { existingId: duplicate.id },
    );
  }
  const domain = input.domain ? normalizeDomain(input.domain) : null;
  const id = newId('acc');
  const row = await insertAccount(tx, {
    id,
    name: input.name,
    normalizedName: normalizeAccountName(input.name),
    domain: input.domain ?? null,
    normalizedDomain: domain,
    lookupKeys: keys,
    parentId,
    rootId: parent ? parent.root_id : id,
    vendorDirect: input.vendorDirect ?? false,
    country: input.country,
    region: input.region,
    createdAt: now,
  });
  const account = toAccount(row);
  await recordAudit(tx, {
    subject: { type: 'account', id: row.id },
    partnerId: null,
    at: now,
    actor: actorOf(principal),
    action: 'account.created',
  });
  await recordEvent(tx, {
    type: 'account.created',
    at: now,
    partnerId: null,
    subject: { type: 'account', id: row.id },
    data: { account },
  });
  return account;
};

/** The account with its ancestors (root first) and every descendant. */
export const getAccountService = async (tx: Queryable, id: string): Promise<AccountDetail> => {
  const row = await findAccount(tx, id);
  if (!row) throw notFound(`Account ${id}`);
  const tree = await accountsOfTree(tx, row.root_id);
  const byId = new Map(tree.map((node) => [node.id, node]));
  const ancestors: Account[] = [];
  for (let parent = row.parent_id; parent !== null; ) {
    const node = byId.get(parent);
    if (!node || ancestors.length > tree.length) break;
    ancestors.unshift(toAccount(node));
    parent = node.parent_id;
  }
  const children = new Map<string, string[]>();
  for (const node of tree) {
    if (node.parent_id)
      children.set(node.parent_id, [...(children.get(node.parent_id) ?? []), node.id]);
  }
  const descendants: Account[] = [];
  const queue = [...(children.get(id) ?? [])];
  while (queue.length > 0) {
    const next = byId.get(queue.shift() as string);
    if (!next) continue;
    descendants.push(toAccount(next));
    queue.push(...(children.get(next.id) ?? []));
  }
  return {
    ...toAccount(row),
    ancestors,
    descendants,
    effectiveVendorDirect: row.vendor_direct || ancestors.some((a) => a.vendorDirect),
  };
};
