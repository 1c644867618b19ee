import type { ProgramSettings, RegistrationListQuery } from '@openprm/core';
import type { Queryable } from '../db/database.js';
import type { Principal } from '../http/principal.js';
import { ProblemError } from '../http/problem.js';
import { auditTrailOf } from '../queries/registration-details.js';
import { listRegistrationRows, sortKeyOf } from '../queries/registration-list.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor, isInstantText } from '../queries/rows.js';
import { visibleRegistration } from './registration-access.js';
import { viewerOf, viewRegistration, viewRegistrations } from './registration-view.js';

/** A cursor must hold the sort key this order uses; anything else is a 400, never a SQL error. */
const cursorFor = (cursor: string | undefined, sort: 'queue' | 'newest') => {
  const values = decodeCursor(cursor);
  if (values === null) return null;
  const [first, ...rest] = values;
  const valid =
    sort === 'queue'
      ? values.length === 4 &&
        (first === 0 || first === 1) &&
        isInstantText(rest[0]) &&
        isInstantText(rest[1]) &&
        typeof rest[2] === 'string'
      : values.length === 2 && isInstantText(first) && typeof rest[0] === 'string';
  if (valid) return values;
  throw new ProblemError(
    'invalid_request',
    'The cursor does not belong to this order: use nextCursor from a previous page of the same list.',
    { errors: [{ path: 'query.cursor', message: 'Unknown cursor' }] },
  );
};

/**
 * A partner's own registrations, or for vendors every one (the queue with `sort=queue`:
 * overdue first, then by decision due time, exactly core's `compareQueueOrder`, paged in SQL).
 */
export const listRegistrations = async (
  tx: Queryable,
  principal: Principal,
  query: RegistrationListQuery,
  settings: ProgramSettings,
  now: Date,
) => {
  const sort = query.sort ?? 'newest';
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const rows = await listRegistrationRows(tx, {
    now,
    partnerId: principal.partnerId ?? query.partnerId ?? null,
    accountId: query.accountId ?? null,
    status: query.status ?? null,
    slaBreached: query.slaBreached ?? null,
    sort,
    after: cursorFor(query.cursor, sort),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: await viewRegistrations(tx, page, viewerOf(principal, settings.disclosure, now)),
    nextCursor: rows.length > limit && last ? encodeCursor(sortKeyOf(last, sort)) : null,
  };
};

export const getRegistration = async (
  tx: Queryable,
  principal: Principal,
  id: string,
  settings: ProgramSettings,
  now: Date,
) =>
  viewRegistration(
    tx,
    await visibleRegistration(tx, principal, id),
    viewerOf(principal, settings.disclosure, now),
  );

/** The append-only trail, oldest first. */
export const registrationAudit = async (tx: Queryable, principal: Principal, id: string) => {
  await visibleRegistration(tx, principal, id);
  return { data: await auditTrailOf(tx, id) };
};
