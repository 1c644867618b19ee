import { EVENT_TYPES, type PrmEvent } from '@openprm/core';
import type { Queryable } from '../db/database.js';
import type { Principal } from '../http/principal.js';
import { ProblemError } from '../http/problem.js';
import { type EventRow, toEvent } from '../queries/events.js';

export interface EventStreamOptions {
  /** How often the outbox is read for new events; polling works with any number of instances. */
  pollMs: number;
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs: number;
}

export const DEFAULT_EVENT_STREAM: EventStreamOptions = { pollMs: 1_000, heartbeatMs: 15_000 };

interface StreamRow extends EventRow {
  seq: string;
}

const BATCH = 500;

/** `types=a,b` → the known types asked for; an unknown type is a 400, not a silent nothing. */
export const parseEventTypes = (types: string | undefined): PrmEvent['type'][] | null => {
  if (!types) return null;
  const asked = types
    .split(',')
    .map((type) => type.trim())
    .filter((type) => type !== '');
  const unknown = asked.filter((type) => !(EVENT_TYPES as readonly string[]).includes(type));
  if (unknown.length > 0) {
    throw new ProblemError('invalid_request', `Unknown event types: ${unknown.join(', ')}.`, {
      errors: [{ path: 'types', message: `Unknown event types: ${unknown.join(', ')}` }],
    });
  }
  return asked as PrmEvent['type'][];
};

/**
 * Where a stream starts: after the event a reconnecting client saw last (`Last-Event-ID`), else
 * after the newest event now — a new subscriber gets what happens from now on.
 */
const startingSeq = async (db: Queryable, lastEventId: string | undefined): Promise<string> => {
  if (lastEventId) {
    const [row] = await db.query<{ seq: string }>('select seq from events where id = $1', [
      lastEventId,
    ]);
    if (row) return String(row.seq);
  }
  const [latest] = await db.query<{ seq: string | null }>('select max(seq) as seq from events');
  return String(latest?.seq ?? 0);
};

/**
 * Events about no partner that every partner needs: new terms to accept. The event carries the
 * version's title, number and hash, never another partner's data.
 */
const BROADCAST_TYPES: readonly PrmEvent['type'][] = ['contract.version_published'];

/** The events after `afterSeq` this caller may see: a partner its own and broadcasts, vendors all. */
const readEvents = (
  db: Queryable,
  principal: Principal,
  afterSeq: string,
  types: PrmEvent['type'][] | null,
) =>
  db.query<StreamRow>(
    `select seq, id, type, at, partner_id, subject_type, subject_id, data from events
     where seq > $1
       and ($2::text is null or partner_id = $2 or (partner_id is null and type = any($4)))
       and ($3::text[] is null or type = any($3))
     order by seq limit ${BATCH}`,
    [afterSeq, principal.partnerId, types, BROADCAST_TYPES],
  );

const frame = (event: PrmEvent) =>
  `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * `GET /v1/events`: server-sent events from the transactional outbox, scoped to the caller,
 * resumable with `Last-Event-ID`. Ends when the client goes away.
 */
export const streamEvents = async (
  db: Queryable,
  principal: Principal,
  request: { types: string | undefined; lastEventId: string | undefined; signal: AbortSignal },
  options: EventStreamOptions,
): Promise<Response> => {
  const types = parseEventTypes(request.types);
  let cursor = await startingSeq(db, request.lastEventId);
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let sinceHeartbeat = 0;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const stop = () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        try {
          controller.close();
        } catch {
          // already closed by the consumer
        }
      };
      request.signal.addEventListener('abort', stop, { once: true });
      const poll = async () => {
        if (closed) return;
        try {
          const rows = await readEvents(db, principal, cursor, types);
          for (const row of rows) {
            controller.enqueue(encoder.encode(frame(toEvent(row))));
            cursor = String(row.seq);
          }
          sinceHeartbeat += options.pollMs;
          if (rows.length === 0 && sinceHeartbeat >= options.heartbeatMs) {
            controller.enqueue(encoder.encode(': keep-alive\n\n'));
            sinceHeartbeat = 0;
          }
          // A full batch means more are waiting: read on at once.
          timer = setTimeout(poll, rows.length === BATCH ? 0 : options.pollMs);
        } catch {
          // The database went away (shutdown): end the stream; the client reconnects and resumes.
          stop();
        }
      };
      // Tell EventSource-like clients how long to wait before reconnecting.
      controller.enqueue(encoder.encode('retry: 2000\n\n'));
      void poll();
    },
    cancel() {
      closed = true;
      clearTimeout(timer);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
    },
  });
};
