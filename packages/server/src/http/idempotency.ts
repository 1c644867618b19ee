import { sha256Hex } from '../crypto.js';
import { prepared, type Queryable } from '../db/database.js';
import { ProblemError } from './problem.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

const KEY_LIFETIME_MS = 24 * 3_600_000;

interface KeyRow {
  endpoint: string;
  request_hash: string;
  status: number;
  body: unknown;
}

/** Claims a key, or takes over one past its lifetime; no row: a live key holds an answer. */
const CLAIM_KEY = prepared(
  'claim_idempotency_key',
  `insert into idempotency_keys (principal, key, endpoint, request_hash, status, body, created_at)
   values ($1, $2, $3, $4, 0, 'null', $5)
   on conflict (principal, key) do update set endpoint = excluded.endpoint,
     request_hash = excluded.request_hash, status = 0, body = 'null', created_at = excluded.created_at
     where idempotency_keys.created_at < $6
   returning key`,
);

const STORE_ANSWER = prepared(
  'store_idempotent_answer',
  'update idempotency_keys set status = $3, body = $4 where principal = $1 and key = $2',
);

/**
 * Runs `work` at most once per (caller, key), inside the caller's transaction: the key row is
 * claimed first, so a concurrent retry waits for the first attempt's commit and then replays
 * its answer. The same key with another body is refused with 422.
 */
export const withIdempotency = async (
  tx: Queryable,
  scope: { caller: string; key: string; endpoint: string; body: unknown; now: Date },
  work: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> => {
  const requestHash = sha256Hex(JSON.stringify(scope.body ?? null));
  // A key is remembered for a day; after that the same key starts a new request: an expired
  // row is taken over in place (what deleting it and inserting afresh would do, in one statement).
  const claimed = await tx.query(CLAIM_KEY, [
    scope.caller,
    scope.key,
    scope.endpoint,
    requestHash,
    scope.now,
    new Date(scope.now.getTime() - KEY_LIFETIME_MS),
  ]);
  if (claimed.length === 0) {
    const [row] = await tx.query<KeyRow>(
      'select endpoint, request_hash, status, body from idempotency_keys where principal = $1 and key = $2 for update',
      [scope.caller, scope.key],
    );
    if (!row || row.endpoint !== scope.endpoint || row.request_hash !== requestHash) {
      throw new ProblemError(
        'idempotency_key_reused',
        'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
      );
    }
    return { status: row.status, body: row.body, replayed: true };
  }
  const response = await work();
  await tx.query(STORE_ANSWER, [
    scope.caller,
    scope.key,
    response.status,
    JSON.stringify(response.body ?? null),
  ]);
  return { ...response, replayed: false };
};
