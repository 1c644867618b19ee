import * as z from 'zod/mini';
import { notBefore } from './refinements.js';
import { coerceNumber, isoDate, isoDateTime } from './zod.js';

/** Opaque identifier: URL-safe so it can sit in a path segment without surprises. */
export const Id = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "_" or "-"'),
  );

/** An instant, ISO 8601 with offset, e.g. `2026-11-23T09:00:00Z`. */
export const Timestamp = isoDateTime({ offset: true });

/** A calendar date, ISO 8601, e.g. `2026-12-31`, from the year 1900 on (year 0000 is no date). */
export const CalendarDate = isoDate().check(notBefore('1900-01-01', 'Use a date from 1900 on'));

/** A count that fits a 32-bit database integer. */
export const Count = z.number().check(z.int(), z.gte(0), z.lte(2_147_483_647));

/** ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCode = z
  .string()
  .check(z.regex(/^[A-Z]{2}$/, 'Use an ISO 3166-1 alpha-2 code'));

/** A sales region, e.g. `EMEA`, `DACH`, `NA`. Programs define their own, so this is free text. */
export const Region = z.string().check(z.minLength(1), z.maxLength(64));

/** ISO 4217 currency code, upper case. */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code'));

export const Money = z.object({
  amount: z.number().check(z.gte(0), z.lte(1e13)),
  currency: CurrencyCode,
});

/** Short human text: names, titles. */
export const Name = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

/** Longer human text: reasons, notes, justifications. */
export const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** `{ data, nextCursor }`: every list answer has this shape (cursor pagination). */
export const ListPage = <T extends z.ZodMiniType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.nullable(z.string()) });

/** `?cursor=`: where a list continues, from the previous page's `nextCursor`. */
export const PageCursor = z.optional(z.string().check(z.maxLength(512)));
/** `?limit=`: how many items a page holds at most. */
export const PageLimit = z.optional(coerceNumber().check(z.int(), z.gte(1), z.lte(200)));

/**
 * `?cursor=&limit=`: every list endpoint takes these. Query schemas name the two fields rather
 * than spreading this object: a bundler must keep a spread's source (it could run a getter), which
 * would keep every list query and zod itself in apps that only import a constant nearby.
 */
export const PageQuery = { cursor: PageCursor, limit: PageLimit };

/** Query booleans arrive as text: `true` / `false`. */
export const QueryBoolean = z.pipe(
  z.enum(['true', 'false']),
  z.transform((value) => value === 'true'),
);

export type Id = z.infer<typeof Id>;
export type Money = z.infer<typeof Money>;
export interface ListPage<T> {
  data: T[];
  nextCursor: string | null;
}
