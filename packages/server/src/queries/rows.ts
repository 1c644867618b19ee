import { Timestamp } from '@openprm/core';
import { ProblemError } from '../http/problem.js';

/** Row → JSON helpers shared by the query modules. */

/** timestamptz → ISO 8601 (UTC, with offset `Z`). */
export const iso = (value: Date | string): string =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export const isoOrUndefined = (value: Date | string | null): string | undefined =>
  value === null ? undefined : iso(value);

/** numeric arrives as text from PostgreSQL; JSON wants a number. */
export const num = (value: string | number): number =>
  typeof value === 'number' ? value : Number(value);

/** Adds `key` only when the value is present: optional fields are omitted, never `undefined`. */
export const optional = <K extends string, V>(key: K, value: V | null | undefined) =>
  (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/** Opaque cursors: the sort key of the last row, base64url-encoded. */
export const encodeCursor = (values: readonly (string | number)[]) =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

/** The decoded sort key, `null` for the first page; a cursor we did not issue is a 400. */
export const decodeCursor = (cursor: string | undefined): (string | number)[] | null => {
  if (cursor === undefined || cursor === '') return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (
    Array.isArray(values) &&
    values.every((v) => typeof v === 'string' || typeof v === 'number')
  ) {
    return values;
  }
  throw new ProblemError(
    'invalid_request',
    'The cursor is not valid: use nextCursor from a previous page.',
    {
      errors: [{ path: 'query.cursor', message: 'Unknown cursor' }],
    },
  );
};

export const DEFAULT_PAGE_SIZE = 50;

/** An ISO 8601 instant as cursors carry it; `Date.parse` alone would let "1" through to SQL. */
export const isInstantText = (value: unknown): value is string =>
  typeof value === 'string' && Timestamp.safeParse(value).success;

/** A `[instant, id]` cursor, the key of lists ordered by time then id; anything else is a 400. */
export const decodeInstantIdCursor = (cursor: string | undefined): [string, string] | null => {
  const values = decodeCursor(cursor);
  if (values === null) return null;
  const [instant, id] = values;
  if (values.length === 2 && isInstantText(instant) && typeof id === 'string') return [instant, id];
  throw new ProblemError(
    'invalid_request',
    'The cursor is not valid: use nextCursor from a previous page.',
    {
      errors: [{ path: 'query.cursor', message: 'Unknown cursor' }],
    },
  );
};
