/** Options of `toArray`. */
export interface ToArrayOptions {
  /**
   * At most this many items are collected (pages are fetched until it is reached). Required, so a
   * list of 10,000 rows is never loaded by accident.
   * @default none: required
   * @example 500
   */
  limit: number;
}

/**
 * One page of a list (`{ data, nextCursor }`) that also iterates every item from here to the
 * last page, fetching pages as the loop needs them.
 *
 * @example
 * ```ts
 * const page = await client.registrations.list({ status: 'submitted', limit: 50 });
 * console.log(page.data.length, page.hasMore);
 * for await (const registration of page) console.log(registration.id);
 * ```
 */
export interface Page<T> extends AsyncIterable<T> {
  /** The items of this page. */
  readonly data: T[];
  /** Pass as `cursor` to get the next page; `null` on the last page. */
  readonly nextCursor: string | null;
  /** Whether a next page exists. */
  readonly hasMore: boolean;
  /** The next page, or `null` after the last one. */
  nextPage(): Promise<Page<T> | null>;
  /** Items from this page on, across pages, up to `limit`. */
  toArray(options: ToArrayOptions): Promise<T[]>;
}

/**
 * What a `list` method returns: a promise of the first page that can also be iterated at once
 * (`for await (const x of client.partners.list())`) or collected (`.toArray({ limit })`).
 */
export interface PagePromise<T> extends Promise<Page<T>>, AsyncIterable<T> {
  toArray(options: ToArrayOptions): Promise<T[]>;
}

type FetchPage<T> = (cursor: string | undefined) => Promise<{
  data: T[];
  nextCursor: string | null;
}>;

async function* itemsFrom<T>(first: Page<T>): AsyncGenerator<T> {
  let page: Page<T> | null = first;
  while (page) {
    yield* page.data;
    page = await page.nextPage();
  }
}

const collect = async <T>(items: AsyncIterable<T>, { limit }: ToArrayOptions): Promise<T[]> => {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError('toArray({ limit }) needs a whole number of items ≥ 0.');
  }
  const out: T[] = [];
  if (limit === 0) return out;
  for await (const item of items) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
};

const toPage = <T>(
  answer: { data: T[]; nextCursor: string | null },
  fetchPage: FetchPage<T>,
): Page<T> => {
  const page: Page<T> = {
    data: answer.data,
    nextCursor: answer.nextCursor,
    hasMore: answer.nextCursor !== null,
    nextPage: async () =>
      answer.nextCursor === null ? null : toPage(await fetchPage(answer.nextCursor), fetchPage),
    toArray: (options) => collect(page, options),
    [Symbol.asyncIterator]: () => itemsFrom(page),
  };
  return page;
};

/** Starts a list: the first page is requested at once, the others as iteration needs them. */
export const paginate = <T>(fetchPage: FetchPage<T>): PagePromise<T> => {
  const first = fetchPage(undefined).then((answer) => toPage(answer, fetchPage));
  return Object.assign(first, {
    toArray: (options: ToArrayOptions) => first.then((page) => page.toArray(options)),
    [Symbol.asyncIterator]: async function* () {
      yield* itemsFrom(await first);
    },
  });
};
