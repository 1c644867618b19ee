import * as z from 'zod/mini';

/**
 * A refinement written as data, so a client can check it without zod (see `describeSchema`):
 * `['notBefore', min, message]` or `['ordered', lesserKey, greaterKey, message]`.
 */
export type RefinementRule =
  | readonly ['notBefore', string, string]
  | readonly ['ordered', string, string, string];

/** A refine function that also says, as data, what it checks. */
export type DescribedRefinement<T> = ((value: T) => boolean) & { readonly rule: RefinementRule };

const describe = <T>(fn: (value: T) => boolean, rule: RefinementRule): DescribedRefinement<T> =>
  Object.assign(fn, { rule });

/** A string no earlier than `min` in text order: an ISO date from `min` on. */
export const notBefore = (min: string, message: string) =>
  z.refine<string>(
    describe((value: string) => value >= min, ['notBefore', min, message]),
    { message },
  );

/** An object whose `lesser` field does not exceed its `greater` field. */
export const ordered = <K extends string>(lesser: K, greater: K, message: string) =>
  z.refine<Record<K, number | string>>(
    describe(
      (value: Record<K, number | string>) => value[lesser] <= value[greater],
      ['ordered', lesser, greater, message],
    ),
    { message },
  );
