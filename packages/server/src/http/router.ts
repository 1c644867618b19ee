import { getConnInfo } from '@hono/node-server/conninfo';
import {
  type EndpointDefinition,
  type EndpointId,
  type EndpointResponse,
  type Endpoints,
  endpoints,
  toColonPath,
} from '@openprm/core';
import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import type { ServerContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import type { Writes } from '../db/writes.js';
import type { Settled } from './batcher.js';
import { type IdempotencyScope, withIdempotency } from './idempotency.js';
import { callerKey, type Principal } from './principal.js';
import { ProblemError } from './problem.js';
import { type BatchedRequest, createRequestBatcher } from './request-batches.js';
import { requestHeader } from './request-context.js';
import { assertResponseMatchesContract, parsePart } from './validate.js';

type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface HandlerInput<E extends EndpointDefinition> {
  /** Writes: the request's transaction, so everything commits or rolls back together. Reads (GET): the database. */
  tx: Queryable;
  principal: Principal;
  params: Parsed<E['params']>;
  query: Parsed<E['query']>;
  body: Parsed<E['body']>;
  now: Date;
  context: ServerContext;
  client: { userAgent?: string; ip?: string };
  /** The raw request, for what the contract doesn't parse (`Last-Event-ID`, the abort signal). */
  request: Request;
}

/**
 * A handler answers the contract's response body; a streaming endpoint answers a whole Response,
 * and so may any handler for another representation the client asked for (`?format=csv`).
 */
export type Handler<E extends EndpointDefinition> = (
  input: HandlerInput<E>,
) => Promise<
  E extends { responseKind: 'event-stream' } ? Response : EndpointResponse<E> | Response
>;

/**
 * A write many requests of which may share one transaction (group commit, see `batcher.ts`): it
 * settles each input on its own, in order, each as if it ran alone after the ones before it.
 */
export interface BatchHandler<E extends EndpointDefinition> {
  /**
   * A request's group (e.g. its account): few requests of one group share a batch, where each
   * may weigh on the others (see `MAX_PER_GROUP`).
   */
  groupOf?: (body: Parsed<E['body']>) => string | undefined;
  /**
   * `writes`: writes whose rows nobody reads, sent with the batch's stored answers at its end.
   * A request the batch should not wait for (a busy row) settles with `RetryLater`, and comes
   * back in a `patient` batch, which waits.
   */
  batch: (
    tx: Queryable,
    inputs: HandlerInput<E>[],
    writes: Writes,
    patient: boolean,
  ) => Promise<Settled<Exclude<Awaited<ReturnType<Handler<E>>>, Response>>[]>;
}

export type Handlers = {
  [K in EndpointId]?: Handler<Endpoints[K]> | BatchHandler<Endpoints[K]>;
};

/** Static segments before parameters, so `/v1/partners/search` is never read as a partner id. */
const routeOrder = (a: EndpointDefinition, b: EndpointDefinition) =>
  (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0) ||
  a.path.localeCompare(b.path);

/** The peer address when served over Node's HTTP server; in-process requests have none. */
const clientAddress = (c: Context): string => {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
};

/** An empty body reads as `{}`, so endpoints whose fields are all optional need none. */
const readJsonBody = async (c: Context): Promise<unknown> => {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError('invalid_request', 'The request body is not valid JSON.', {
      errors: [{ path: '', message: 'Malformed JSON' }],
    });
  }
};

/**
 * A CSV body (`bodyType: 'csv'`) as text: `text/csv` in UTF-8, and not empty, since even a file
 * without rows has a header.
 */
const readCsvBody = async (c: Context): Promise<string> => {
  const [mediaType = '', ...parameters] = (c.req.header('content-type') ?? '')
    .toLowerCase()
    .split(';')
    .map((part) => part.trim());
  const charset = parameters.find((part) => part.startsWith('charset='))?.slice('charset='.length);
  if (
    mediaType !== 'text/csv' ||
    (charset !== undefined && charset.replace(/"/g, '') !== 'utf-8')
  ) {
    throw new ProblemError('invalid_request', 'Send the file as Content-Type: text/csv (UTF-8).', {
      errors: [{ path: '', message: 'Expected text/csv' }],
    });
  }
  const text = await c.req.text();
  if (text.trim() === '') {
    throw new ProblemError('invalid_request', 'The CSV body is empty: a header row is required.', {
      errors: [{ path: '', message: 'Empty file' }],
    });
  }
  return text;
};

/**
 * Registers every protected endpoint of the contract: authenticate, rate-limit, check the role,
 * parse params, query and body with the contract's schemas, then run the handler in one
 * transaction (with idempotency when the endpoint takes a key). Endpoints without a handler
 * answer 501, so the whole contract is routed.
 */
export const registerEndpoints = (app: Hono, context: ServerContext, handlers: Handlers) => {
  const routed = Object.values(endpoints)
    .filter((endpoint) => endpoint.roles !== 'public')
    .sort(routeOrder) as EndpointDefinition[];
  for (const endpoint of routed) {
    const registered = handlers[endpoint.id as EndpointId] as
      | Handler<EndpointDefinition>
      | BatchHandler<EndpointDefinition>
      | undefined;
    const batcher =
      registered && 'batch' in registered
        ? createRequestBatcher(context, endpoint, registered)
        : undefined;
    const handler = registered && !('batch' in registered) ? registered : undefined;
    const batchGroupOf = registered && 'batch' in registered ? registered.groupOf : undefined;
    app.on(endpoint.method, toColonPath(endpoint.path), async (c) => {
      const now = context.clock();
      const address = clientAddress(c);
      // In-process requests (tests, embedding) have no peer address to hold to account.
      const guarded = address !== 'unknown';
      const wait = guarded ? context.authFailures.retryAfter(address, now.getTime()) : null;
      if (wait !== null) {
        throw new ProblemError(
          'rate_limited',
          `Too many failed authentications from this address: wait ${wait} s.`,
          {},
          { 'Retry-After': String(wait) },
        );
      }
      const principal = await context.authenticator
        .authenticate(requestHeader(c, 'authorization'), now)
        .catch((error: unknown) => {
          if (guarded) context.authFailures.record(address, now.getTime());
          throw error;
        });
      const verdict = context.rateLimit(callerKey(principal), now.getTime());
      c.set('answerHeaders', verdict.headers);
      if (!verdict.allowed) {
        throw new ProblemError(
          'rate_limited',
          `Too many requests: wait ${verdict.headers['Retry-After']} s.`,
          {},
          verdict.headers,
        );
      }
      if (endpoint.roles === 'public' || !endpoint.roles.includes(principal.role)) {
        throw new ProblemError(
          'forbidden',
          `The role ${principal.role} may not call ${endpoint.id}.`,
        );
      }
      if (!handler && !batcher) {
        throw new ProblemError(
          'not_implemented',
          `${endpoint.id} is not implemented by this server yet.`,
        );
      }
      const params = parsePart(endpoint.params, c.req.param(), 'params');
      const query = parsePart(endpoint.query, c.req.query(), 'query');
      const body = endpoint.body
        ? parsePart(
            endpoint.body,
            endpoint.bodyType === 'csv' ? await readCsvBody(c) : await readJsonBody(c),
            'body',
          )
        : undefined;
      const userAgent = requestHeader(c, 'user-agent');
      const client = {
        ...(userAgent ? { userAgent } : {}),
        ...(address !== 'unknown' ? { ip: address } : {}),
      };
      const input = (tx: Queryable) =>
        ({
          tx,
          principal,
          params,
          query,
          body,
          now,
          context,
          client,
          request: c.req.raw,
        }) as never;
      /**
       * Another representation (an event stream, a CSV report) goes out as the handler made it,
       * with the headers every answer carries.
       */
      const asAnswered = (raw: Response) => {
        c.set('answered', true);
        const headers = new Headers(raw.headers);
        headers.set('x-request-id', c.get('requestId'));
        for (const [name, value] of Object.entries(verdict.headers)) headers.set(name, value);
        return new Response(raw.body, { status: raw.status, statusText: raw.statusText, headers });
      };
      // A stream holds no transaction and no idempotency: it answers its own Response.
      if (endpoint.responseKind === 'event-stream') {
        return asAnswered(
          (await (handler as Handler<EndpointDefinition>)(
            input(context.db),
          )) as unknown as Response,
        );
      }
      const run = async (tx: Queryable) => {
        const result = await (handler as Handler<EndpointDefinition>)(input(tx));
        if (result instanceof Response) return { status: result.status, body: result as unknown };
        if (context.validateResponses) assertResponseMatchesContract(endpoint, result);
        return { status: endpoint.status as number, body: result as unknown };
      };
      const idempotencyKey = endpoint.idempotent ? requestHeader(c, 'idempotency-key') : undefined;
      if (
        idempotencyKey !== undefined &&
        (idempotencyKey.length < 1 || idempotencyKey.length > 255)
      ) {
        throw new ProblemError('invalid_request', 'Idempotency-Key must be 1 to 255 characters.');
      }
      // Reads skip BEGIN/COMMIT: under READ COMMITTED a transaction adds no consistency to a
      // series of selects, only two round trips (measured in bench/http.mjs).
      const scope =
        idempotencyKey === undefined
          ? undefined
          : { caller: callerKey(principal), key: idempotencyKey, endpoint: endpoint.id, body, now };
      const answer = batcher
        ? await batcher.submit({
            input,
            scope,
            group: batchGroupOf?.(body),
            weight: JSON.stringify(body ?? null).length,
          } satisfies BatchedRequest)
        : endpoint.method === 'GET'
          ? { ...(await run(context.db)), replayed: false }
          : await context.db.transaction((tx) =>
              idempotencyKey === undefined
                ? run(tx).then((response) => ({ ...response, replayed: false }))
                : withIdempotency(tx, scope as IdempotencyScope, () => run(tx)),
            );
      if (answer.body instanceof Response) return asAnswered(answer.body);
      // Built in one go with plain headers: Node writes them as they are (hono's c.header and
      // c.json would first collect them in a web Headers object).
      c.set('answered', true);
      const headers: Record<string, string> = {
        'x-request-id': c.get('requestId'),
        ...verdict.headers,
        ...(answer.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
      };
      if (endpoint.status === 204) return new Response(null, { status: 204, headers });
      headers['content-type'] = 'application/json';
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers });
    });
  }
};
