import {
  buildPath,
  type CheckIssue,
  type FieldError,
  issuesOf,
  type RequestCheck,
} from '@openprm/core';
import {
  errorFromResponse,
  isAuthenticationError,
  NetworkError,
  type PrmError,
  parseRetryAfter,
  TimeoutError,
  ValidationError,
} from './errors.js';

/** Options of `createPrmClient`. */
export interface PrmClientOptions {
  /**
   * Where the OpenPRM server answers: its origin, or the prefix it is mounted under. Paths
   * (`/v1/…`) are appended to it.
   * @default none: required
   * @example 'https://prm.example.com'
   */
  baseUrl: string;
  /**
   * A fixed bearer token: a server-side API key (integrations, scripts), or a session token.
   * Use `getToken` instead when the token expires.
   * @default undefined (no `Authorization` header: only public endpoints answer)
   * @example process.env.OPENPRM_API_KEY
   */
  token?: string | undefined;
  /**
   * Supplies the bearer token. Called lazily on the first request that needs one, its answer is
   * kept, and it is called again once when the server answers 401 (a browser session expired),
   * after which the request is repeated with the new token.
   * @default undefined
   * @example async () => (await fetch('/prm-session')).text()
   */
  getToken?: (() => string | Promise<string>) | undefined;
  /**
   * The `fetch` to use: for tests, proxies, or an in-process server.
   * @default globalThis.fetch
   * @example (input, init) => app.fetch(new Request(input, init))
   */
  fetch?: typeof fetch | undefined;
  /**
   * Milliseconds one attempt may take before it fails with `TimeoutError`. `false` waits forever.
   * @default 30_000
   * @example 10_000
   */
  timeout?: number | false | undefined;
  /**
   * How often a request that is safe to repeat is retried: on network errors and on
   * 408/429/502/503/504, with exponential backoff and jitter, honouring `Retry-After`.
   * @default 2
   * @example 0
   */
  maxRetries?: number | undefined;
  /**
   * Headers sent with every request (never `Authorization`: use `token` or `getToken`).
   * @default {}
   * @example { 'x-correlation-id': 'import-2026-11' }
   */
  headers?: Record<string, string> | undefined;
}

/** Options of one call; each overrides the client's for that call. */
export interface RequestOptions {
  /**
   * Aborts the call (also while it waits to retry); the promise rejects with the signal's reason.
   * @default undefined
   * @example AbortSignal.timeout(5_000)
   */
  signal?: AbortSignal | undefined;
  /**
   * Milliseconds one attempt may take before it fails with `TimeoutError`.
   * @default the client's `timeout` (30_000)
   * @example 5_000
   */
  timeout?: number | false | undefined;
  /**
   * How often to retry this call when it is safe to repeat.
   * @default the client's `maxRetries` (2)
   * @example 5
   */
  maxRetries?: number | undefined;
}

/** Options of a call to an endpoint that takes an `Idempotency-Key`. */
export interface IdempotentRequestOptions extends RequestOptions {
  /**
   * The `Idempotency-Key`: a repeated request with the same key replays the first answer, so a
   * retried submit never makes a second registration. Pass your own to make a call safe to
   * repeat across processes (e.g. a row id of an import).
   * @default crypto.randomUUID(), generated once per call and reused on every retry
   * @example `erp-opportunity-${row.id}`
   */
  idempotencyKey?: string | undefined;
}

/** The parts of one request, before validation. */
export interface RequestParts {
  params?: Record<string, unknown> | undefined;
  query?: Record<string, unknown> | undefined;
  body?: unknown;
}

/** Answers worth another attempt of a request that is safe to repeat. */
const RETRY_STATUS = [408, 429, 502, 503, 504];
/** Answers whose `Retry-After` (or `RateLimit-Reset`) says how long to wait. */
const RETRY_AFTER_STATUS = [408, 429, 503];
/** A longer `Retry-After` is not waited for: the call fails at once and the app decides. */
const MAX_RETRY_AFTER_SECONDS = 60;
/** The first retry waits up to 0.3 s, each next one twice as long, never over 30 s. */
const backoff = (retry: number) => Math.min(30_000, Math.random() * 300 * 2 ** retry);
/** What an attempt rejects with once its `timeout` has passed. */
const TIMED_OUT = Symbol('timed out');

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
    if (signal?.aborted) abort();
  });

const toFieldErrors = (issues: readonly CheckIssue[], prefix?: string): FieldError[] =>
  issues.map((issue) => ({
    path: [...(prefix ? [prefix] : []), ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));

/**
 * Checks params, query and body with the endpoint's own schemas, in the server's order, and
 * throws the `ValidationError` the server would answer for the first invalid part (same `errors[]`
 * paths, same `detail`), without a request.
 */
export const validateParts = (endpoint: RequestCheck, parts: RequestParts) => {
  const checkPart = (
    partCheck: RequestCheck['body'],
    value: unknown,
    part: 'params' | 'query' | 'body',
  ) => {
    if (!partCheck) return;
    const issues = issuesOf(partCheck, value ?? {});
    if (issues.length === 0) return;
    const errors = toFieldErrors(issues, part === 'body' ? undefined : part);
    const detail = `The ${part === 'body' ? 'request body' : part} is not valid.`;
    throw new ValidationError(`${detail} (invalid_request)`, {
      detail,
      errors,
      raw: { status: 400, code: 'invalid_request', detail, errors },
    });
  };
  checkPart(endpoint.params, parts.params, 'params');
  checkPart(endpoint.query, parts.query, 'query');
  checkPart(endpoint.body, parts.body, 'body');
};

/**
 * A v4 UUID. `crypto.randomUUID` exists only in secure contexts (HTTPS, localhost); an intranet
 * page served over plain HTTP still has `getRandomValues`.
 */
export const uuid = (): string => {
  const crypto = globalThis.crypto;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * The parts as they travel: a query's booleans become the `true` / `false` text the contract
 * takes (`{ dryRun: true }` → `?dryRun=true`), so callers pass real booleans.
 */
const asSent = (parts: RequestParts): RequestParts => {
  if (!parts.query) return parts;
  const query = Object.fromEntries(
    Object.entries(parts.query).map(([key, value]) => [
      key,
      typeof value === 'boolean' ? String(value) : value,
    ]),
  );
  return { ...parts, query };
};

const toSearchParams = (query: Record<string, unknown> | undefined) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  return search;
};

const readBody = async (response: Response): Promise<unknown> => {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** The transport every resource method goes through. */
export interface Transport {
  request(
    endpoint: RequestCheck,
    parts: RequestParts,
    options?: IdempotentRequestOptions,
  ): Promise<unknown>;
  /**
   * Opens a long-lived response (the event stream): no timeout and no retries — the subscriber
   * reconnects itself — but the token is refreshed once after a 401 like any call.
   */
  stream(
    endpoint: RequestCheck,
    parts: RequestParts,
    options: { signal: AbortSignal; headers?: Record<string, string> },
  ): Promise<Response>;
  /** The typed error for a refused answer. */
  refusal(response: Response): Promise<PrmError>;
}

/**
 * The fetch loop: one `fetch` per attempt, each with its own `timeout`, retried with exponential
 * backoff and full jitter (or after the server's `Retry-After`) when the request is safe to repeat.
 */
export const createTransport = (options: PrmClientOptions): Transport => {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let token: Promise<string | undefined> | undefined;
  /**
   * The current token. `stale` is the one a 401 refused: it is replaced by a new call of
   * `getToken` unless a concurrent request already did so (then that newer token is used).
   */
  const currentToken = (stale?: Promise<string | undefined>) => {
    const supplier = options.getToken;
    if (!supplier) return Promise.resolve(options.token);
    if (!token || (stale !== undefined && token === stale)) {
      const next = Promise.resolve().then(() => supplier());
      token = next;
      // A failed supplier is asked again next time rather than remembered.
      next.catch(() => {
        if (token === next) token = undefined;
      });
    }
    return token;
  };

  /** One `fetch`, aborted by the caller's signal or after `timeout` ms (rejects with TIMED_OUT). */
  const send = (url: string, init: RequestInit, call: RequestOptions, timeout: number | false) =>
    new Promise<Response>((resolve, reject) => {
      const { signal } = call;
      const controller = new AbortController();
      const stop = (reason: unknown) => {
        controller.abort(reason);
        reject(reason);
      };
      const abort = () => stop(signal?.reason);
      if (signal?.aborted) {
        abort();
        return;
      }
      // Beyond 2^31 - 1 ms (~24.8 days) setTimeout would fire at once.
      const timer =
        timeout === false ? undefined : setTimeout(stop, Math.min(timeout, 2 ** 31 - 1), TIMED_OUT);
      signal?.addEventListener('abort', abort, { once: true });
      fetchImpl(url, { ...init, signal: controller.signal })
        .then(resolve, reject)
        .finally(() => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', abort);
        });
    });

  const attempt = async (
    endpoint: RequestCheck,
    url: string,
    parts: RequestParts,
    call: IdempotentRequestOptions,
    idempotencyKey: string | undefined,
    stale: Promise<string | undefined> | undefined,
    used: { token?: Promise<string | undefined> | undefined },
  ): Promise<unknown> => {
    const headers = new Headers(options.headers);
    headers.set('accept', 'application/json');
    const tokenPromise = endpoint.public ? undefined : currentToken(stale);
    used.token = tokenPromise;
    const bearer = await tokenPromise;
    if (bearer) headers.set('authorization', `Bearer ${bearer}`);
    if (idempotencyKey) headers.set('idempotency-key', idempotencyKey);
    let body: string | undefined;
    if (endpoint.body !== undefined && parts.body !== undefined) {
      const csv = endpoint.bodyType === 'csv';
      headers.set('content-type', csv ? 'text/csv' : 'application/json');
      body = csv ? String(parts.body) : JSON.stringify(parts.body);
    }
    const search = String(toSearchParams(parts.query));
    const target = search ? `${url}?${search}` : url;
    const retries =
      endpoint.method === 'GET' || idempotencyKey !== undefined
        ? (call.maxRetries ?? options.maxRetries ?? 2)
        : 0;
    const timeout = call.timeout ?? options.timeout ?? 30_000;
    for (let retry = 0; ; retry++) {
      let response: Response;
      try {
        response = await send(
          target,
          { method: endpoint.method, headers, body: body ?? null },
          call,
          timeout,
        );
      } catch (error) {
        if (call.signal?.aborted) throw call.signal.reason ?? error;
        if (error === TIMED_OUT) {
          const detail = `No answer within ${timeout} ms.`;
          throw new TimeoutError(`${endpoint.method} ${url}: ${detail}`, { detail });
        }
        if (retry >= retries) {
          throw new NetworkError(`${endpoint.method} ${url} failed: no answer from the server.`, {
            detail: error instanceof Error ? error.message : String(error),
            cause: error,
          });
        }
        await sleep(backoff(retry), call.signal);
        continue;
      }
      if (response.ok) {
        const answer = response.status === 204 ? undefined : await readBody(response);
        call.signal?.throwIfAborted(); // aborted while the body was read
        return answer;
      }
      const { status } = response;
      const after = RETRY_AFTER_STATUS.includes(status)
        ? parseRetryAfter(
            response.headers.get('retry-after') ?? response.headers.get('ratelimit-reset'),
          )
        : undefined;
      if (
        retry >= retries ||
        !RETRY_STATUS.includes(status) ||
        (after !== undefined && after > MAX_RETRY_AFTER_SECONDS)
      ) {
        throw errorFromResponse(response, await readBody(response));
      }
      response.body?.cancel().catch(() => undefined);
      await sleep(after === undefined ? backoff(retry) : after * 1000, call.signal);
    }
  };

  const openStream = async (
    url: string,
    extra: Record<string, string>,
    signal: AbortSignal,
    stale?: Promise<string | undefined>,
  ): Promise<Response> => {
    const headers = new Headers(options.headers);
    headers.set('accept', 'text/event-stream');
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    const tokenPromise = currentToken(stale);
    const bearer = await tokenPromise;
    if (bearer) headers.set('authorization', `Bearer ${bearer}`);
    const response = await fetchImpl(url, { method: 'GET', headers, signal });
    if (response.status === 401 && options.getToken && stale === undefined) {
      response.body?.cancel().catch(() => undefined);
      return openStream(url, extra, signal, tokenPromise);
    }
    return response;
  };

  return {
    stream(endpoint, given, call) {
      const parts = asSent(given);
      validateParts(endpoint, parts);
      const search = String(toSearchParams(parts.query));
      const url = `${baseUrl}${endpoint.path}${search ? `?${search}` : ''}`;
      return openStream(url, call.headers ?? {}, call.signal);
    },
    async refusal(response) {
      return errorFromResponse(response, await readBody(response));
    },
    async request(endpoint, given, call = {}) {
      const parts = asSent(given);
      validateParts(endpoint, parts);
      const path = buildPath(endpoint.path, (parts.params ?? {}) as Record<string, string>);
      const url = `${baseUrl}${path}`;
      // Once per call: every retry (and the repeat after a token refresh) sends the same key.
      const idempotencyKey = endpoint.idempotent ? (call.idempotencyKey ?? uuid()) : undefined;
      const used: { token?: Promise<string | undefined> | undefined } = {};
      try {
        return await attempt(endpoint, url, parts, call, idempotencyKey, undefined, used);
      } catch (error) {
        if (!options.getToken || !used.token || !isAuthenticationError(error)) throw error;
        return attempt(endpoint, url, parts, call, idempotencyKey, used.token, {});
      }
    },
  };
};
