import type { EndpointDefinition } from '@openprm/core';
import type { ServerContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { collectWrites } from '../db/writes.js';
import { createBatcher, type Settled, settle } from './batcher.js';
import {
  answerOfHeldKey,
  claimKeys,
  type IdempotencyScope,
  type StoredResponse,
  settleKeyWrites,
} from './idempotency.js';
import type { BatchHandler, HandlerInput } from './router.js';
import { assertResponseMatchesContract } from './validate.js';

/** A request of a batched endpoint, parsed and authorized, waiting for its batch. */
export interface BatchedRequest {
  input: (tx: Queryable) => HandlerInput<EndpointDefinition>;
  /** Set when the request carries an Idempotency-Key. */
  scope: IdempotencyScope | undefined;
  /** What the endpoint limits per batch (`BatchHandler.groupOf`), e.g. the account. */
  group: string | undefined;
  /** The size of the request's body as JSON: a batch's statements grow with it. */
  weight: number;
}

export type BatchedAnswer = StoredResponse & { replayed: boolean };

/** Bounds the size of a batch's statements and the wait of its first request. */
const MAX_BATCH = 64;
/** Bounds a batch's statements by its bodies: 64 submissions of about 1 kB each fit easily. */
const MAX_BATCH_WEIGHT = 256 * 1024;
/**
 * Requests of one group (one account, for submissions) per batch: each may contest all before it,
 * so a batch's events grow with the square of this.
 */
const MAX_PER_GROUP = 8;

/** A failure at COMMIT may have been committed: such a batch must not run again. */
class CommitFailed extends Error {
  constructor(cause: unknown) {
    super('The transaction of a batch failed at its commit: its requests may have been written.', {
      cause,
    });
  }
}
/**
 * PGlite has one connection: a second batch would only wait for it, while requests could join
 * it instead. PostgreSQL runs a few at once, leaving the pool room for reads.
 */
const MAX_CONCURRENT_BATCHES = { pglite: 1, postgres: 4 } as const;

/**
 * Group commit for one endpoint: requests that arrive while a batch runs share the next one's
 * transaction. Its keys are claimed together first (a replay or a misused key answers at once),
 * the handler settles the new requests in order, and the answers are stored under their keys in
 * the same statement as the handler's last writes; the keys of refused requests are freed, as a
 * rollback would.
 */
export const createRequestBatcher = (
  context: ServerContext,
  endpoint: EndpointDefinition,
  { batch: handle }: BatchHandler<EndpointDefinition>,
) => {
  const runBatch = async (tx: Queryable, requests: BatchedRequest[], patient: boolean) => {
    const results: Settled<BatchedAnswer>[] = [];
    // The handler's last writes and the stored answers go to the database together, at the end.
    const writes = collectWrites();
    const keyed = requests.flatMap((request, index) =>
      request.scope ? [{ index, scope: request.scope }] : [],
    );
    const claims = await claimKeys(
      tx,
      keyed.map(({ scope }) => scope),
    );
    keyed.forEach(({ index }, position) => {
      const claim = claims[position];
      if (claim && !claim.claimed) results[index] = settle(() => answerOfHeldKey(claim));
    });
    const fresh = requests.flatMap((_, index) => (results[index] ? [] : [index]));
    const outcomes =
      fresh.length === 0
        ? []
        : await handle(
            tx,
            fresh.map((index) => (requests[index] as BatchedRequest).input(tx)),
            writes,
            patient,
          );
    // A result missing is a bug of the handler, whose writes must not stay: the batch rolls back.
    if (outcomes.length !== fresh.length) {
      throw new Error(`${endpoint.id} settled ${outcomes.length} of ${fresh.length} requests.`);
    }
    const answered: { scope: IdempotencyScope; response: StoredResponse }[] = [];
    const failed: IdempotencyScope[] = [];
    fresh.forEach((index, position) => {
      const outcome = outcomes[position] as Settled<unknown>;
      // An answer outside the contract fails the batch (a bug: it rolls back, and each request
      // runs again alone), never just its request with its writes kept.
      if (outcome.ok && context.validateResponses) {
        assertResponseMatchesContract(endpoint, outcome.value);
      }
      const result: Settled<BatchedAnswer> = outcome.ok
        ? {
            ok: true,
            value: { status: endpoint.status as number, body: outcome.value, replayed: false },
          }
        : outcome;
      results[index] = result;
      const { scope } = requests[index] as BatchedRequest;
      // A refused request's key is freed, as its rollback would; so is the key of one that runs
      // again later (`RetryLater`), which claims it anew.
      if (scope && result.ok) answered.push({ scope, response: result.value });
      else if (scope) failed.push(scope);
    });
    writes.add(...settleKeyWrites(answered, failed));
    await writes.flush(tx);
    return results;
  };

  const run = async (requests: BatchedRequest[], patient: boolean) => {
    let committing = false;
    try {
      return await context.db.transaction(async (tx) => {
        const results = await runBatch(tx, requests, patient);
        committing = true;
        return results;
      });
    } catch (error) {
      throw committing ? new CommitFailed(error) : error;
    }
  };

  return createBatcher<BatchedRequest, BatchedAnswer>({
    run,
    maxBatch: MAX_BATCH,
    maxConcurrent: MAX_CONCURRENT_BATCHES[context.db.kind],
    limits: [
      // One request per key in a batch: a retry in the same batch waits and then replays.
      {
        keyOf: (request) => request.scope && `${request.scope.caller}\n${request.scope.key}`,
        max: 1,
      },
      { keyOf: (request) => request.group, max: MAX_PER_GROUP },
    ],
    maxWeight: MAX_BATCH_WEIGHT,
    weightOf: (request) => request.weight,
    // Running again what may have been committed would write it twice.
    retryable: (error) => !(error instanceof CommitFailed),
  });
};
