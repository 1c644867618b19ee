/** The result of one item of a batch: its value, or why it failed, without failing the others. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * What a batch settles an item with when the item should run again later, in a batch that waits
 * for what this one would not: e.g. its account tree was busy, and waiting for it would have held
 * up the whole batch.
 */
export class RetryLater extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RetryLater';
  }
}

/** At most `max` items with the same key (`undefined`: no key, no limit) in one batch. */
export interface BatchLimit<Item> {
  keyOf: (item: Item) => string | undefined;
  max: number;
}

export interface BatcherOptions<Item, Result> {
  /**
   * Runs a batch, in order, and settles each item. When it throws, each of its items is tried
   * again in a batch of its own (unless `retryable` says no), so an unexpected failure (a
   * deadlock, a bug, one bad item) fails only the item at fault. `patient`: the batch holds only
   * items settled with `RetryLater` before; it should wait for what they wait for.
   */
  run: (items: Item[], patient: boolean) => Promise<Settled<Result>[]>;
  /** The most items in one batch. */
  maxBatch: number;
  /** The most batches running at once. */
  maxConcurrent: number;
  /** Items beyond a limit wait for a later batch, in their order. */
  limits?: readonly BatchLimit<Item>[];
  /** The most total weight in one batch (a first item goes whatever its weight). */
  maxWeight?: number;
  weightOf?: (item: Item) => number;
  /** Whether a failed batch may be tried again item by item; a failure that may have been
   * committed must not (default: every failure may). */
  retryable?: (error: unknown) => boolean;
}

interface Waiting<Item, Result> {
  item: Item;
  /** `alone`: its batch failed, it runs in one of its own; `later`: settled with `RetryLater`. */
  state: 'new' | 'later' | 'alone';
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items that arrive while a batch is running wait and then go together in the next
 * one, so under load many requests share one transaction and its statements, and without load
 * an item starts on the event loop's next turn (no timer, next to no added latency).
 */
export const createBatcher = <Item, Result>(options: BatcherOptions<Item, Result>) => {
  const queue: Waiting<Item, Result>[] = [];
  let running = 0;

  /** The next batch, first come first served, leaving items over a limit for later. */
  const takeBatch = () => {
    const first = queue.shift() as Waiting<Item, Result>;
    const batch = [first];
    if (first.state === 'alone') return batch;
    const counts = (options.limits ?? []).map(() => new Map<string, number>());
    const fits = (waiting: Waiting<Item, Result>) =>
      (options.limits ?? []).every((limit, index) => {
        const key = limit.keyOf(waiting.item);
        return (
          key === undefined || ((counts[index] as Map<string, number>).get(key) ?? 0) < limit.max
        );
      });
    const count = (waiting: Waiting<Item, Result>) =>
      (options.limits ?? []).forEach((limit, index) => {
        const key = limit.keyOf(waiting.item);
        const seen = counts[index] as Map<string, number>;
        if (key !== undefined) seen.set(key, (seen.get(key) ?? 0) + 1);
      });
    count(first);
    let weight = options.weightOf?.(first.item) ?? 0;
    for (let index = 0; index < queue.length && batch.length < options.maxBatch; ) {
      const waiting = queue[index] as Waiting<Item, Result>;
      const itemWeight = options.weightOf?.(waiting.item) ?? 0;
      // Items put back wait at the head of the queue: a batch is all of them or none.
      if (
        waiting.state !== first.state ||
        (options.maxWeight !== undefined && weight + itemWeight > options.maxWeight)
      ) {
        break;
      }
      if (!fits(waiting)) {
        index += 1;
        continue;
      }
      count(waiting);
      weight += itemWeight;
      batch.push(waiting);
      queue.splice(index, 1);
    }
    return batch;
  };

  /** Puts items back at the head of the queue, in their order. */
  const putBack = (items: readonly Waiting<Item, Result>[], state: 'later' | 'alone') => {
    for (const waiting of items) waiting.state = state;
    queue.unshift(...items);
  };

  const runBatch = async (batch: Waiting<Item, Result>[]) => {
    const patient = batch[0]?.state === 'later';
    let results: Settled<Result>[];
    try {
      results = await options.run(
        batch.map((waiting) => waiting.item),
        patient,
      );
    } catch (error) {
      if (batch.length > 1 && (options.retryable?.(error) ?? true)) putBack(batch, 'alone');
      else for (const waiting of batch) waiting.reject(error);
      return;
    }
    const later: Waiting<Item, Result>[] = [];
    for (const [index, waiting] of batch.entries()) {
      const result = results[index];
      if (result?.ok) waiting.resolve(result.value);
      else if (result?.error instanceof RetryLater && waiting.state === 'new') later.push(waiting);
      else
        waiting.reject(
          result ? result.error : new Error('The batch settled no result for an item.'),
        );
    }
    putBack(later, 'later');
  };

  const pump = () => {
    pumpScheduled = false;
    while (running < options.maxConcurrent && queue.length > 0) {
      const batch = takeBatch();
      running += 1;
      void runBatch(batch).finally(() => {
        running -= 1;
        schedulePump();
      });
    }
  };

  /**
   * Starts batches after the requests already received have been read: an embedded database
   * (PGlite) runs a whole transaction without giving the event loop a turn, so a batch started at
   * once would never find company.
   */
  let pumpScheduled = false;
  const schedulePump = () => {
    if (pumpScheduled) return;
    pumpScheduled = true;
    setImmediate(pump);
  };

  return {
    /** Settles with this item's own result, whichever batch it went in. */
    submit: (item: Item) =>
      new Promise<Result>((resolve, reject) => {
        queue.push({ item, state: 'new', resolve, reject });
        schedulePump();
      }),
  };
};

/** Runs `work`, settling its value or what it threw. */
export const settle = <T>(work: () => T): Settled<T> => {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error };
  }
};
