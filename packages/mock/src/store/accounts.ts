import {
  type Account,
  type AccountDetail,
  accountKeys,
  accountMatchesQuery,
  normalizeAccountName,
  pathToRoot,
  vendorDirectSource,
} from '@openprm/core';
import { toAccount } from '../fixtures/accounts.js';
import { MockProblem, notFound } from '../http/problem.js';
import type { MockHandlers } from './handler.js';
import { paginate } from './paging.js';
import type { MockState } from './state.js';
import { accountIndex } from './tree.js';

export const findAccount = (state: MockState, id: string): Account => {
  const account = state.accounts.get(id);
  if (!account) throw notFound(`Account ${id}`);
  return account;
};

const detail = (state: MockState, account: Account): AccountDetail => {
  const index = accountIndex(state);
  const ancestors = pathToRoot(index, account.id)
    .slice(1)
    .map((id) => state.accounts.get(id))
    .filter((item): item is Account => item !== undefined);
  const descendants = [...state.accounts.values()].filter(
    (other) => other.id !== account.id && pathToRoot(index, other.id).includes(account.id),
  );
  return {
    ...account,
    ancestors,
    descendants,
    effectiveVendorDirect: vendorDirectSource(index, account.id) !== null,
  };
};

export const accountHandlers: MockHandlers = {
  'accounts.search': ({ state, query }) => {
    const text = query.query?.trim() ?? '';
    const normalized = text === '' ? '' : normalizeAccountName(text);
    if (text !== '' && normalized === '') return { data: [], nextCursor: null };
    const rows = [...state.accounts.values()]
      .filter(
        (account) =>
          text === '' ||
          accountMatchesQuery(account, text) ||
          account.normalizedName.startsWith(normalized),
      )
      .sort((a, b) => a.id.localeCompare(b.id));
    return paginate(rows, query);
  },
  'accounts.get': ({ state, params }) => detail(state, findAccount(state, params.id)),
  'accounts.create': ({ state, principal, body, now }) => {
    if (body.vendorDirect && principal.partnerId !== null) {
      throw new MockProblem('forbidden', 'Only vendor roles mark an account vendor-direct.', {
        errors: [{ path: 'vendorDirect', message: 'Vendor roles only' }],
      });
    }
    const parentId = body.parentId ?? null;
    if (parentId !== null && !state.accounts.has(parentId)) {
      throw new MockProblem('not_found', `Parent account ${parentId} was not found.`, {
        errors: [{ path: 'parentId', message: 'Unknown account' }],
      });
    }
    const wanted = [
      ...accountKeys({ name: body.name, ...(body.domain ? { domain: body.domain } : {}) }),
    ].filter((key) => !key.startsWith('stem:'));
    const duplicate = [...state.accounts.values()].find((account) => {
      if (account.parentId !== parentId) return false;
      const keys = accountKeys(account);
      return wanted.some((key) => keys.has(key));
    });
    if (duplicate) {
      throw new MockProblem(
        'already_exists',
        `"${duplicate.name}" (${duplicate.id}) already exists with the same name or domain.`,
        { existingId: duplicate.id },
      );
    }
    state.sequence += 1;
    const account = toAccount(
      {
        id: `acc_mock${String(state.sequence).padStart(6, '0')}`,
        name: body.name,
        ...(body.domain ? { domain: body.domain } : {}),
        ...(parentId ? { parentId } : {}),
        vendorDirect: body.vendorDirect ?? false,
        country: body.country,
        region: body.region,
      },
      now.toISOString(),
    );
    state.accounts.set(account.id, account);
    state.accountIndex = null;
    return account;
  },
};
