import type { ListPage } from '@openprm/core';
import { MockProblem } from '../http/problem.js';

/** The server's default page size. */
export const DEFAULT_PAGE_SIZE = 50;

const PREFIX = 'mock:';

/** Opaque cursors (the offset of the next row), so pages walk a stable, sorted list. */
export const paginate = <T>(
  rows: readonly T[],
  query: { cursor?: string | undefined; limit?: number | undefined },
): ListPage<T> => {
  let offset = 0;
  if (query.cursor !== undefined && query.cursor !== '') {
    const decoded = query.cursor.startsWith(PREFIX)
      ? Number(query.cursor.slice(PREFIX.length))
      : NaN;
    if (!Number.isInteger(decoded) || decoded < 0) {
      throw new MockProblem(
        'invalid_request',
        'The cursor is not valid: use nextCursor from a previous page.',
        { errors: [{ path: 'query.cursor', message: 'Unknown cursor' }] },
      );
    }
    offset = decoded;
  }
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const data = rows.slice(offset, offset + limit);
  const next = offset + limit;
  return { data, nextCursor: next < rows.length ? `${PREFIX}${next}` : null };
};
