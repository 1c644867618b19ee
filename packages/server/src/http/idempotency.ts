import { sha256Hex } from '../crypto.js';
import type { Queryable } from '../db/database.js';
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
  // A key is remembered for a day; after that the same key starts a new request.
  await tx.query(
    `delete from idempotency_keys where principal = $1 and key = $2 and created_at < $3`,
    [scope.caller, scope.key, new Date(scope.now.getTime() - KEY_LIFETIME_MS)],
  );
  const claimed = await tx.query(
    `insert into idempotency_keys (principal, key, endpoint, request_hash, status, body, created_at)
     values ($1, $2, $3, $4, 0, 'null', $5) on conflict do nothing returning key`,
    [scope.caller, scope.key, scope.endpoint, requestHash, scope.now],
  );
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
  await tx.query(
    'update idempotency_keys set status = $3, body = $4 where principal = $1 and key = $2',
    [scope.caller, scope.key, response.status, JSON.stringify(response.body ?? null)],
  );
  return { ...response, replayed: false };
};
