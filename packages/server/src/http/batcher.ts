/** The result of one item of a batch: its value, or why it failed, without failing the others. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface BatcherOptions<Item, Result> {
  /**
   * Runs a batch, in order, and settles each item. When it throws, the batch is tried again one
   * item at a time, so an unexpected failure (a deadlock, a bug) fails only the item that causes it.
   */
  run: (items: Item[]) => Promise<Settled<Result>[]>;
  /** The most items in one batch. */
  maxBatch: number;
  /** The most batches running at once. */
  maxConcurrent: number;
  /** Items with the same key never share a batch: the later one waits for the next. */
  keyOf?: (item: Item) => string | undefined;
}

interface Waiting<Item, Result> {
  item: Item;
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

  /** The next batch, first come first served, leaving items whose key is taken for later. */
  const takeBatch = () => {
    const batch: Waiting<Item, Result>[] = [];
    const keys = new Set<string>();
    for (let index = 0; index < queue.length && batch.length < options.maxBatch; ) {
      const waiting = queue[index] as Waiting<Item, Result>;
      const key = options.keyOf?.(waiting.item);
      if (key !== undefined && keys.has(key)) {
        index += 1;
        continue;
      }
      if (key !== undefined) keys.add(key);
      batch.push(waiting);
      queue.splice(index, 1);
    }
    return batch;
  };

  const settleWaiting = (waiting: Waiting<Item, Result>, result: Settled<Result> | undefined) => {
    if (result?.ok) waiting.resolve(result.value);
    else
      waiting.reject(result ? result.error : new Error('The batch settled no result for an item.'));
  };

  const runAlone = async (waiting: Waiting<Item, Result>) => {
    try {
      settleWaiting(waiting, (await options.run([waiting.item]))[0]);
    } catch (error) {
      waiting.reject(error);
    }
  };

  const runBatch = async (batch: Waiting<Item, Result>[]) => {
    try {
      const results = await options.run(batch.map((waiting) => waiting.item));
      for (const [index, waiting] of batch.entries()) settleWaiting(waiting, results[index]);
    } catch (error) {
      if (batch.length === 1) (batch[0] as Waiting<Item, Result>).reject(error);
      else for (const waiting of batch) await runAlone(waiting);
    }
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
        queue.push({ item, resolve, reject });
        schedulePump();
      }),
  };
};

export type Batcher<Item, Result> = ReturnType<typeof createBatcher<Item, Result>>;

/** Runs `work`, settling its value or what it threw. */
export const settle = <T>(work: () => T): Settled<T> => {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error };
  }
};
