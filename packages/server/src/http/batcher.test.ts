import { describe, expect, it } from 'vitest';
import { type BatcherOptions, createBatcher, RetryLater, type Settled } from './batcher.js';

/** A promise the test settles by hand: holds a batch "in its transaction" while others arrive. */
const deferred = () => {
  let release: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
};

/** Lets the event loop take a few turns, so the batcher's scheduled work has run. */
const turns = async (count = 5) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
};

const ok = <T>(value: T): Settled<T> => ({ ok: true, value });

/**
 * A batcher whose `run` records each batch it gets (by item) and answers each item doubled;
 * `hold` makes a batch wait for the test before it settles.
 */
const recordingBatcher = (
  options: Partial<Omit<BatcherOptions<number, number>, 'run'>> & {
    hold?: (items: number[]) => Promise<void> | undefined;
  } = {},
) => {
  const batches: number[][] = [];
  let running = 0;
  let mostAtOnce = 0;
  const batcher = createBatcher<number, number>({
    maxBatch: 64,
    maxConcurrent: 1,
    ...options,
    run: async (items) => {
      batches.push([...items]);
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      try {
        await options.hold?.(items);
        return items.map((item) => ok(item * 2));
      } finally {
        running -= 1;
      }
    },
  });
  return { batcher, batches, mostAtOnce: () => mostAtOnce };
};

describe('createBatcher (group commit)', () => {
  it('puts items submitted in the same turn into one batch, and settles each with its own result', async () => {
    const { batcher, batches } = recordingBatcher();
    const results = await Promise.all([1, 2, 3].map((item) => batcher.submit(item)));
    expect(batches).toEqual([[1, 2, 3]]);
    expect(results).toEqual([2, 4, 6]);
  });

  it('does not start a batch before the current turn ends: items after a few awaits still join', async () => {
    const { batcher, batches } = recordingBatcher();
    const first = batcher.submit(1);
    // An in-process request reaches the batcher after several awaits (auth, body parsing).
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(batches).toEqual([]);
    const second = batcher.submit(2);
    expect(await Promise.all([first, second])).toEqual([2, 4]);
    expect(batches).toEqual([[1, 2]]);
  });

  it('starts a lone item on the next turn of the event loop, without a timer delay', async () => {
    const order: string[] = [];
    const batcher = createBatcher<string, string>({
      maxBatch: 64,
      maxConcurrent: 1,
      run: async (items) => {
        order.push(`run ${items.join(',')}`);
        return items.map(ok);
      },
    });
    const answer = batcher.submit('alone').then((value) => {
      order.push(`answered ${value}`);
    });
    // Queued after the submission: on the same turn, so a batcher that waited for any timer,
    // however short, would answer after it (a timer's delay is a race under load, this is not).
    const nextTurn = new Promise<void>((resolve) =>
      setImmediate(() => {
        order.push('next turn');
        resolve();
      }),
    );
    await Promise.all([answer, nextTurn]);
    expect(order).toEqual(['run alone', 'answered alone', 'next turn']);
  });

  it('gathers the items that arrive while a batch runs into the next batch', async () => {
    const gate = deferred();
    const { batcher, batches } = recordingBatcher({
      hold: (items) => (items.includes(1) ? gate.promise : undefined),
    });
    const first = batcher.submit(1);
    await turns();
    expect(batches).toEqual([[1]]);
    const later = [2, 3, 4].map((item) => batcher.submit(item));
    await turns();
    // Still one batch at a time: the newcomers wait for the running one.
    expect(batches).toEqual([[1]]);
    gate.release();
    expect(await Promise.all([first, ...later])).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('never puts more than maxBatch items in a batch, first come first served', async () => {
    const { batcher, batches } = recordingBatcher({ maxBatch: 2 });
    const results = await Promise.all([1, 2, 3, 4, 5].map((item) => batcher.submit(item)));
    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('never runs more than maxConcurrent batches at once, and starts the next when one ends', async () => {
    const gates = new Map([1, 2, 3, 4, 5].map((item) => [item, deferred()]));
    const { batcher, batches, mostAtOnce } = recordingBatcher({
      maxBatch: 1,
      maxConcurrent: 2,
      hold: ([item]) => gates.get(item as number)?.promise,
    });
    const results = Promise.all([1, 2, 3, 4, 5].map((item) => batcher.submit(item)));
    await turns();
    expect(batches).toEqual([[1], [2]]);
    gates.get(2)?.release();
    await turns();
    expect(batches).toEqual([[1], [2], [3]]);
    for (const gate of gates.values()) gate.release();
    expect(await results).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([[1], [2], [3], [4], [5]]);
    expect(mostAtOnce()).toBe(2);
  });

  it('keeps items with the same key in different batches, in the order they came', async () => {
    const batches: string[][] = [];
    const batcher = createBatcher<{ key?: string; name: string }, string>({
      maxBatch: 64,
      maxConcurrent: 1,
      limits: [{ keyOf: (item) => item.key, max: 1 }],
      run: async (items) => {
        batches.push(items.map((item) => item.name));
        return items.map((item) => ok(item.name));
      },
    });
    const items = [
      { key: 'x', name: 'x1' },
      { key: 'y', name: 'y1' },
      { key: 'x', name: 'x2' },
      { name: 'free1' },
      { key: 'x', name: 'x3' },
      { key: 'y', name: 'y2' },
      { name: 'free2' },
    ];
    const results = await Promise.all(items.map((item) => batcher.submit(item)));
    expect(results).toEqual(items.map((item) => item.name));
    // Items without a key are never held back; a taken key waits for the next batch.
    expect(batches).toEqual([['x1', 'y1', 'free1', 'free2'], ['x2', 'y2'], ['x3']]);
  });

  it('retries a batch whose run throws one item at a time: only the failing item rejects', async () => {
    const calls: string[][] = [];
    const poison = new Error('deadlock detected');
    const batcher = createBatcher<string, string>({
      maxBatch: 64,
      maxConcurrent: 1,
      run: async (items) => {
        calls.push([...items]);
        if (items.includes('bad')) throw poison;
        return items.map((item) => ok(item.toUpperCase()));
      },
    });
    const outcomes = await Promise.allSettled(
      ['a', 'bad', 'c'].map((item) => batcher.submit(item)),
    );
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'A' },
      { status: 'rejected', reason: poison },
      { status: 'fulfilled', value: 'C' },
    ]);
    expect(calls).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
    // A lone item that throws is not run a second time; the batcher goes on serving.
    await expect(batcher.submit('bad')).rejects.toBe(poison);
    expect(calls.slice(4)).toEqual([['bad']]);
    expect(await batcher.submit('after')).toBe('AFTER');
  });

  it('rejects an item with its own error when run settles it as failed, without failing the others', async () => {
    const refused = new Error('refused');
    const batcher = createBatcher<string, string>({
      maxBatch: 64,
      maxConcurrent: 1,
      run: async (items) =>
        items.map(
          (item): Settled<string> => (item === 'no' ? { ok: false, error: refused } : ok(item)),
        ),
    });
    const outcomes = await Promise.allSettled(['yes', 'no', 'yes too'].map(batcher.submit));
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'yes' },
      { status: 'rejected', reason: refused },
      { status: 'fulfilled', value: 'yes too' },
    ]);
  });

  it('rejects with an Error an item that run left without a result', async () => {
    const batcher = createBatcher<string, string>({
      maxBatch: 64,
      maxConcurrent: 1,
      // Forgets the last item of every batch.
      run: async (items) => items.slice(0, -1).map(ok),
    });
    const outcomes = await Promise.allSettled(['a', 'b'].map(batcher.submit));
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 'a' });
    expect(outcomes[1]?.status).toBe('rejected');
    const reason = (outcomes[1] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(Error);
    expect(reason.message).toMatch(/no result/);
  });

  it('rejects with an Error an item whose lone retry settles no result', async () => {
    let call = 0;
    const batcher = createBatcher<string, string>({
      maxBatch: 64,
      maxConcurrent: 1,
      run: async (items) => {
        call += 1;
        if (call === 1) throw new Error('batch failed');
        return items[0] === 'lost' ? [] : items.map(ok);
      },
    });
    const outcomes = await Promise.allSettled(['kept', 'lost'].map(batcher.submit));
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 'kept' });
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(Error);
  });

  it('puts at most max items of one group in a batch, and leaves the rest for the next', async () => {
    const { batcher, batches } = recordingBatcher({
      // Odd and even numbers are two groups; 0 has none.
      limits: [{ keyOf: (item) => (item === 0 ? undefined : String(item % 2)), max: 2 }],
    });
    await Promise.all([1, 3, 5, 2, 0, 4, 6, 7].map((item) => batcher.submit(item)));
    expect(batches).toEqual([
      [1, 3, 2, 0, 4],
      [5, 6, 7],
    ]);
  });

  it('stops a batch before it weighs more than maxWeight, but always takes its first item', async () => {
    const { batcher, batches } = recordingBatcher({ maxWeight: 10, weightOf: (item) => item });
    await Promise.all([4, 5, 2, 12, 3].map((item) => batcher.submit(item)));
    expect(batches).toEqual([[4, 5], [2], [12], [3]]);
  });

  it('runs again, in one patient batch, the items a batch settled with RetryLater', async () => {
    const calls: { items: string[]; patient: boolean }[] = [];
    const batcher = createBatcher<string, string>({
      maxBatch: 64,
      maxConcurrent: 1,
      run: async (items, patient) => {
        calls.push({ items, patient });
        return items.map(
          (item): Settled<string> =>
            item.startsWith('busy') && !patient
              ? { ok: false, error: new RetryLater('busy') }
              : ok(item),
        );
      },
    });
    const results = await Promise.all(['busy1', 'free', 'busy2'].map(batcher.submit));
    expect(results).toEqual(['busy1', 'free', 'busy2']);
    expect(calls).toEqual([
      { items: ['busy1', 'free', 'busy2'], patient: false },
      { items: ['busy1', 'busy2'], patient: true },
    ]);
  });

  it('rejects an item a patient batch settles with RetryLater again, instead of looping', async () => {
    const batcher = createBatcher<string, string>({
      maxBatch: 64,
      maxConcurrent: 1,
      run: async (items) => items.map(() => ({ ok: false, error: new RetryLater('still busy') })),
    });
    await expect(batcher.submit('stuck')).rejects.toBeInstanceOf(RetryLater);
  });

  it('retries the items of a failed batch from the queue, so free slots run them side by side', async () => {
    let running = 0;
    let mostAtOnce = 0;
    const gate = deferred();
    const batcher = createBatcher<string, string>({
      maxBatch: 64,
      maxConcurrent: 3,
      run: async (items) => {
        if (items.length > 1) throw new Error('deadlock detected');
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await gate.promise;
        running -= 1;
        return items.map(ok);
      },
    });
    const results = Promise.all(['a', 'b', 'c'].map(batcher.submit));
    await turns();
    expect(mostAtOnce).toBe(3);
    gate.release();
    expect(await results).toEqual(['a', 'b', 'c']);
  });

  it('never runs again a batch whose failure is not retryable: every item rejects with it', async () => {
    const calls: string[][] = [];
    const failure = new Error('the commit may have gone through');
    const batcher = createBatcher<string, string>({
      maxBatch: 64,
      maxConcurrent: 1,
      retryable: (error) => error !== failure,
      run: async (items) => {
        calls.push(items);
        throw failure;
      },
    });
    const outcomes = await Promise.allSettled(['a', 'b'].map(batcher.submit));
    expect(outcomes).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
    expect(calls).toEqual([['a', 'b']]);
  });
});
