import {
  EVENT_TYPES,
  type EventType,
  isPartnerRole,
  REGISTRATION_TRANSITIONS,
  type Registration,
  type RegistrationStatus,
  type Role,
} from '@openprm/core';
import type { Page, PrmClient } from '@openprm/sdk';
import type { ListView } from './registration-list.rows.js';

/**
 * Registration changes that can alter a list: a `<prm-provider live>` reloads it on each. Every
 * `registration.*` event of the contract but the expiry warning, which changes no registration.
 */
export const LIVE_EVENT_TYPES: readonly EventType[] = EVENT_TYPES.filter(
  (type) => type.startsWith('registration.') && type !== 'registration.expiry_warning',
);

/** The API's largest page. */
export const MAX_PAGE_SIZE = 200;
export const STATUSES = Object.keys(REGISTRATION_TRANSITIONS) as RegistrationStatus[];
const isStatus = (value: string): value is RegistrationStatus =>
  (STATUSES as string[]).includes(value);

/** A loaded list: whose it is, the rows on screen and the last page fetched. */
export interface ListState {
  role: Role;
  view: ListView;
  rows: Registration[];
  page: Page<Registration>;
}

export interface ListQuery {
  view: ListView;
  filter: RegistrationStatus | undefined;
  size: number;
  /** Equal for the same list: a reload of it keeps the rows' state. */
  key: string;
}

/** Which list to load: the view asked for (else the role's), a real status, a page size the API takes. */
export const listQuery = (
  forced: string | undefined,
  status: string,
  pageSize: number,
  role: Role,
): ListQuery => {
  const view: ListView =
    forced === 'partner' || forced === 'queue' ? forced : isPartnerRole(role) ? 'partner' : 'queue';
  const filter = view === 'partner' && isStatus(status) ? status : undefined;
  const size = Math.min(Math.max(Math.trunc(pageSize) || 25, 1), MAX_PAGE_SIZE);
  return { view, filter, size, key: `${view}|${filter ?? ''}|${size}` };
};

/** The list request: the queue is the submitted registrations in decision order. */
export const listRequest = (query: ListQuery, limit: number) =>
  query.view === 'queue'
    ? { status: 'submitted' as const, sort: 'queue' as const, limit }
    : { ...(query.filter ? { status: query.filter } : {}), limit };

/**
 * Registrations carry ids only: the names not `known` yet (`account:<id>`, and for vendors
 * `partner:<id>`), looked up once each; a failed lookup is left out, the row keeps the id.
 */
export const lookUpNames = async (
  client: PrmClient,
  rows: readonly Registration[],
  role: Role,
  known: ReadonlyMap<string, string>,
): Promise<Map<string, string>> => {
  const wanted = new Map<string, () => Promise<string>>();
  for (const row of rows) {
    const accountKey = `account:${row.accountId}`;
    if (!known.has(accountKey)) {
      wanted.set(accountKey, async () => (await client.accounts.get(row.accountId)).name);
    }
    if (isPartnerRole(role)) continue;
    for (const partnerId of [row.partnerId, ...row.conflicts.map((c) => c.partnerId)]) {
      const key = `partner:${partnerId}`;
      if (partnerId && !known.has(key)) {
        wanted.set(key, async () => (await client.partners.get(partnerId)).name);
      }
    }
  }
  const found = await Promise.allSettled(
    [...wanted].map(async ([key, look]) => [key, await look()] as const),
  );
  const names = new Map<string, string>();
  for (const result of found) if (result.status === 'fulfilled') names.set(...result.value);
  return names;
};
