import { describe, expect, it } from 'vitest';
import { advanceCursor, OUTBOX_GAP_GRACE_MS } from './fan-out.js';

const T = new Date('2026-11-23T09:00:00Z');
const later = (ms: number) => new Date(T.getTime() + ms);

describe('the fan-out cursor', () => {
  it('moves to the end of an unbroken run of events', () => {
    expect(advanceCursor({ seq: '4', gap: null }, [5n, 6n, 7n], T)).toEqual({
      seq: '7',
      gap: null,
    });
    expect(advanceCursor({ seq: '4', gap: null }, [], T)).toEqual({ seq: '4', gap: null });
  });

  it('waits before a hole: an event may commit after a later one', () => {
    const cursor = advanceCursor({ seq: '4', gap: null }, [5n, 7n, 8n], T);
    expect(cursor).toEqual({ seq: '5', gap: { seq: '6', since: T.toISOString() } });
    // Still open a minute later: still waiting, since the first time it was seen.
    expect(advanceCursor(cursor, [7n, 8n], later(60_000))).toEqual(cursor);
    // The event arrived: on to the end.
    expect(advanceCursor(cursor, [6n, 7n, 8n], later(60_000))).toEqual({ seq: '8', gap: null });
  });

  it('skips a hole, however wide, once it has been open longer than the grace period', () => {
    const cursor = advanceCursor({ seq: '4', gap: null }, [8n, 9n], T);
    expect(cursor.seq).toBe('4');
    expect(advanceCursor(cursor, [8n, 9n], later(OUTBOX_GAP_GRACE_MS))).toEqual({
      seq: '9',
      gap: null,
    });
  });

  it('waits again at the next hole after skipping one', () => {
    const cursor = advanceCursor({ seq: '4', gap: null }, [6n, 8n], T);
    const now = later(OUTBOX_GAP_GRACE_MS);
    expect(advanceCursor(cursor, [6n, 8n], now)).toEqual({
      seq: '6',
      gap: { seq: '7', since: now.toISOString() },
    });
  });
});
