import type { Database, Queryable } from '../db/database.js';

// Any fixed number, distinct from the jobs' locks: one instance fans out at a time.
const FAN_OUT_LOCK = 727_201;
const CURSOR_KEY = 'webhooks.fan_out_cursor';
const BATCH = 500;

/**
 * How long a hole in the outbox's sequence is waited for. A transaction takes its event's `seq`
 * when it inserts it but may commit after a later one: until then the hole is a pending event,
 * not a lost one. Longer than any transaction may live (statements time out after 30 s, idle
 * transactions after 60 s); a rolled-back insert leaves a hole that is skipped after this.
 */
export const OUTBOX_GAP_GRACE_MS = 5 * 60_000;

/** Everything before `seq` is fanned out; `gap`: the first missing seq after it, seen since. */
interface FanOutCursor {
  seq: string;
  gap: { seq: string; since: string } | null;
}

const readCursor = async (tx: Queryable): Promise<FanOutCursor> => {
  const [row] = await tx.query<{ value: FanOutCursor }>(
    'select value from settings where key = $1',
    [CURSOR_KEY],
  );
  if (row) return row.value;
  // First run: from the oldest position a webhook still waits for, else from now on.
  const [start] = await tx.query<{ seq: string }>(
    `select coalesce(
       (select min(from_seq) from webhooks where deleted_at is null),
       (select max(seq) from events),
       0)::text as seq`,
  );
  return { seq: start?.seq ?? '0', gap: null };
};

const writeCursor = (tx: Queryable, cursor: FanOutCursor) =>
  tx.query(
    `insert into settings (key, value) values ($1, $2)
     on conflict (key) do update set value = excluded.value`,
    [CURSOR_KEY, JSON.stringify(cursor)],
  );

/** One delivery per active webhook subscribed to each event; an existing one is left alone. */
const queueDeliveries = (tx: Queryable, afterSeq: string, upToSeq: string, now: Date) =>
  tx.query<{ id: string }>(
    `insert into webhook_deliveries
       (id, webhook_id, event_id, event_seq, status, attempts, next_attempt_at, created_at)
     select 'whd_' || md5(w.id || ':' || e.id), w.id, e.id, e.seq, 'pending', 0, $3, $3
     from events e
     join webhooks w
       on w.deleted_at is null and e.seq > w.from_seq and e.type = any(w.event_types)
     where e.seq > $1::bigint and e.seq <= $2::bigint
     on conflict (webhook_id, event_id) do nothing
     returning id`,
    [afterSeq, upToSeq, now],
  );

/**
 * Where the cursor may move after reading `seqs` (ascending, all > cursor.seq): to the end of the
 * unbroken run, or past a hole that has been open longer than the grace period.
 */
export const advanceCursor = (
  cursor: FanOutCursor,
  seqs: readonly bigint[],
  now: Date,
): FanOutCursor => {
  let expected = BigInt(cursor.seq) + 1n;
  for (const seq of seqs) {
    if (seq !== expected) break;
    expected += 1n;
  }
  const unbroken = (expected - 1n).toString();
  const last = seqs.at(-1);
  if (last === undefined || expected > last) return { seq: unbroken, gap: null };
  const missing = expected.toString();
  const since = cursor.gap?.seq === missing ? cursor.gap.since : now.toISOString();
  if (now.getTime() - Date.parse(since) >= OUTBOX_GAP_GRACE_MS) {
    // Skip the whole hole (a rolled-back transaction may have taken several seqs) and go on.
    const after = seqs.filter((seq) => seq > expected);
    const resume = ((after[0] ?? expected + 1n) - 1n).toString();
    return advanceCursor({ seq: resume, gap: null }, after, now);
  }
  return { seq: unbroken, gap: { seq: missing, since } };
};

/**
 * Turns new outbox events into pending deliveries. Runs under an advisory lock (another instance
 * already at it: this one skips) and is idempotent, so a crash between batches or a rescan after
 * a hole only meets deliveries that exist already. Returns how many deliveries it queued.
 */
export const fanOutEvents = async (db: Database, now: Date): Promise<number> => {
  let queued = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const [lock] = await tx.query<{ locked: boolean }>(
        'select pg_try_advisory_xact_lock($1::bigint) as locked',
        [FAN_OUT_LOCK],
      );
      if (!lock?.locked) return null;
      const cursor = await readCursor(tx);
      const rows = await tx.query<{ seq: string }>(
        `select e.seq::text as seq from events e where e.seq > $1::bigint order by e.seq limit ${BATCH}`,
        [cursor.seq],
      );
      const last = rows.at(-1);
      const inserted = last ? await queueDeliveries(tx, cursor.seq, last.seq, now) : [];
      const next = advanceCursor(
        cursor,
        rows.map((row) => BigInt(row.seq)),
        now,
      );
      if (JSON.stringify(next) !== JSON.stringify(cursor)) await writeCursor(tx, next);
      return {
        queued: inserted.length,
        full: rows.length === BATCH,
        moved: next.seq !== cursor.seq,
      };
    });
    if (batch === null) return queued;
    queued += batch.queued;
    // A full batch behind a hole that is still waited for would be read again: stop until later.
    if (!batch.full || !batch.moved) return queued;
  }
};
