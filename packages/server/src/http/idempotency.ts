import { sha256Hex } from '../crypto.js';
import { prepared, type Queryable } from '../db/database.js';
import { runWrites, type Write } from '../db/writes.js';
import { ProblemError } from './problem.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** One request that carries an Idempotency-Key. */
export interface IdempotencyScope {
  caller: string;
  key: string;
  endpoint: string;
  body: unknown;
  now: Date;
}

/** What claiming a key found: the request is new, or it was answered before (or is a misuse). */
export type KeyClaim =
  | { claimed: true }
  | { claimed: false; replay: StoredResponse }
  | { claimed: false; refused: ProblemError };

const KEY_LIFETIME_MS = 24 * 3_600_000;

/**
 * Claims keys, or takes over ones past their lifetime; a key without a returned row holds an
 * answer. In (caller, key) order, so two batches on two instances never wait on each other in a
 * circle.
 */
const CLAIM_KEYS = prepared(
  'claim_idempotency_keys',
  `insert into idempotency_keys (principal, key, endpoint, request_hash, status, body, created_at)
   select principal, key, endpoint, request_hash, 0, 'null', created_at
   from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
     as k(principal, key, endpoint, request_hash, created_at)
   order by principal, key
   on conflict (principal, key) do update set endpoint = excluded.endpoint,
     request_hash = excluded.request_hash, status = 0, body = 'null', created_at = excluded.created_at
     where idempotency_keys.created_at < excluded.created_at - $6::integer * interval '1 millisecond'
   returning principal, key`,
);

interface KeyRow {
  principal: string;
  key: string;
  endpoint: string;
  request_hash: string;
  status: number;
  body: unknown;
}

const requestHashOf = (scope: IdempotencyScope) => sha256Hex(JSON.stringify(scope.body ?? null));
const keyId = (caller: string, key: string) => `${caller}\n${key}`;

/**
 * Claims the keys of several requests in the caller's transaction, one key per request (the
 * batcher keeps a key to one request per batch). A claimed key's row stays locked until the
 * transaction ends, so a concurrent retry waits for the first attempt's commit and then replays
 * its answer; the same key with another body is refused with 422.
 */
export const claimKeys = async (tx: Queryable, scopes: readonly IdempotencyScope[]) => {
  if (scopes.length === 0) return [];
  const hashes = scopes.map(requestHashOf);
  // A key is remembered for a day; after that the same key starts a new request: an expired
  // row is taken over in place (what deleting it and inserting afresh would do, in one statement).
  const claimed = await tx.query<{ principal: string; key: string }>(CLAIM_KEYS, [
    scopes.map((scope) => scope.caller),
    scopes.map((scope) => scope.key),
    scopes.map((scope) => scope.endpoint),
    hashes,
    scopes.map((scope) => scope.now.toISOString()),
    KEY_LIFETIME_MS,
  ]);
  const claimedIds = new Set(claimed.map((row) => keyId(row.principal, row.key)));
  const held = scopes.filter((scope) => !claimedIds.has(keyId(scope.caller, scope.key)));
  const answers = new Map<string, KeyRow>();
  if (held.length > 0) {
    const rows = await tx.query<KeyRow>(
      `select k.principal, k.key, endpoint, request_hash, status, body from idempotency_keys k
       join unnest($1::text[], $2::text[]) as h(principal, key) using (principal, key)
       for update of k`,
      [held.map((scope) => scope.caller), held.map((scope) => scope.key)],
    );
    for (const row of rows) answers.set(keyId(row.principal, row.key), row);
  }
  return scopes.map((scope, index): KeyClaim => {
    const id = keyId(scope.caller, scope.key);
    if (claimedIds.has(id)) return { claimed: true };
    const row = answers.get(id);
    if (!row || row.endpoint !== scope.endpoint || row.request_hash !== hashes[index]) {
      return {
        claimed: false,
        refused: new ProblemError(
          'idempotency_key_reused',
          'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
        ),
      };
    }
    return { claimed: false, replay: { status: row.status, body: row.body } };
  });
};

/**
 * Keeps each answered request's response under its key, and frees the keys of failed ones (as
 * their rollback would): writes for `runWrites` or `collectWrites`.
 */
export const settleKeyWrites = (
  answered: readonly { scope: IdempotencyScope; response: StoredResponse }[],
  failed: readonly IdempotencyScope[],
): Write[] => [
  ...(answered.length === 0
    ? []
    : [
        {
          name: 'store_idempotent_answers',
          text: `update idempotency_keys k set status = a.status, body = a.body::jsonb
            from unnest($1::text[], $2::text[], $3::integer[], $4::text[]) as a(principal, key, status, body)
            where k.principal = a.principal and k.key = a.key`,
          params: [
            answered.map(({ scope }) => scope.caller),
            answered.map(({ scope }) => scope.key),
            answered.map(({ response }) => response.status),
            answered.map(({ response }) => JSON.stringify(response.body ?? null)),
          ],
        },
      ]),
  ...(failed.length === 0
    ? []
    : [
        {
          name: 'free_idempotency_keys',
          text: `delete from idempotency_keys k using unnest($1::text[], $2::text[]) as f(principal, key)
            where k.principal = f.principal and k.key = f.key`,
          params: [failed.map((scope) => scope.caller), failed.map((scope) => scope.key)],
        },
      ]),
];

/** The answer of a claim that was not new: the stored response, or the refusal. */
export const answerOfHeldKey = (claim: Exclude<KeyClaim, { claimed: true }>) => {
  if ('refused' in claim) throw claim.refused;
  return { ...claim.replay, replayed: true };
};

/**
 * Runs `work` at most once per (caller, key), inside the caller's transaction (see `claimKeys`).
 * When `work` throws, the transaction rolls back and the key is free again.
 */
export const withIdempotency = async (
  tx: Queryable,
  scope: IdempotencyScope,
  work: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> => {
  const [claim] = await claimKeys(tx, [scope]);
  if (claim && !claim.claimed) return answerOfHeldKey(claim);
  const response = await work();
  await runWrites(tx, settleKeyWrites([{ scope, response }], []));
  return { ...response, replayed: false };
};
