import type * as z from 'zod/mini';
import { ERROR_STATUS, type ErrorCode } from '../schemas/codes.js';
import type { GatedAction } from '../schemas/contract.js';
import type { Role } from '../schemas/roles.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** How the success answer travels: JSON (default), a server-sent-event stream, or nothing. */
export type ResponseKind = 'json' | 'event-stream' | 'empty';

/**
 * What a client sends to one endpoint: method, path, the schemas of its params, query and body,
 * and who may send it. The SDK validates with these and needs nothing else, so they are declared
 * apart from the answers: an app that bundles the SDK does not pay for the response schemas.
 */
export interface EndpointRequest {
  readonly method: HttpMethod;
  /** OpenAPI-style path template, e.g. `/v1/registrations/{id}/approve`. */
  readonly path: string;
  /** Path parameters; every `{name}` in `path` must be a key. */
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  readonly body?: z.ZodMiniType;
  /** `csv` bodies are sent as `text/csv` and validated row by row by the server. */
  readonly bodyType?: 'json' | 'csv';
  /** Roles allowed to call; `public` needs no token. */
  readonly roles: readonly Role[] | 'public';
  /** Accepts an `Idempotency-Key` header: a retry replays the first answer. */
  readonly idempotent?: boolean;
}

/** The rest of an endpoint's promise: its answer, its errors, its rules and its documentation. */
export interface EndpointDetails {
  readonly summary: string;
  readonly description?: string;
  readonly status: 200 | 201 | 202 | 204;
  readonly response?: z.ZodMiniType;
  readonly responseKind?: ResponseKind;
  /** Endpoint-specific error codes; `errorCodesOf` adds the ones every endpoint can answer. */
  readonly errors: readonly ErrorCode[];
  /** Partner roles see only their own partner's records: another partner's record is a 404. */
  readonly partnerScoped?: boolean;
  /** The action contracts may gate: pending terms answer `contract_acceptance_required`. */
  readonly gatedBy?: GatedAction;
}

/** What one endpoint promises; everything else (SDK, server, mock, OpenAPI) derives from it. */
export interface EndpointDefinition extends EndpointRequest, EndpointDetails {
  /** `area.verb`, also the OpenAPI operationId and the SDK method, e.g. `registrations.submit`. */
  readonly id: string;
}

/**
 * Keeps the literal types of a declaration so SDK and server infer exact inputs and outputs.
 * Marked free of side effects so bundlers drop the declarations an app does not use.
 */
export const defineEndpoint = /* @__NO_SIDE_EFFECTS__ */ <const E extends EndpointDefinition>(
  endpoint: E,
): E => endpoint;

type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** The endpoints of one table of requests and one of details, keyed alike. */
export type EndpointsOf<
  R extends Record<string, EndpointRequest>,
  D extends { [K in keyof R]: EndpointDetails },
> = { [K in keyof R & string]: Flatten<{ readonly id: K } & R[K] & D[K]> };

/**
 * Joins a table of requests with the table of their details (same keys, which become the ids)
 * into endpoint declarations, keeping every literal type. Marked free of side effects: an app
 * that imports only the requests drops the details and the response schemas they hold.
 *
 * @example
 * ```ts
 * const requests = { 'health.check': { method: 'GET', path: '/healthz', roles: 'public' } } as const;
 * const endpoints = defineEndpoints(requests, {
 *   'health.check': { summary: 'Liveness', status: 200, response: Health, errors: [] },
 * });
 * ```
 */
export const defineEndpoints = /* @__NO_SIDE_EFFECTS__ */ <
  const R extends Record<string, EndpointRequest>,
  const D extends { [K in keyof R]: EndpointDetails } & Record<Exclude<keyof D, keyof R>, never>,
>(
  requests: R,
  details: D,
): EndpointsOf<R, D> => {
  const endpoints: Record<string, EndpointDefinition> = {};
  for (const [id, request] of Object.entries(requests)) {
    endpoints[id] = { id, ...request, ...(details as Record<string, EndpointDetails>)[id]! };
  }
  return endpoints as unknown as EndpointsOf<R, D>;
};

/** Every error code an endpoint can answer: its own plus those implied by auth and input. */
export const errorCodesOf = (endpoint: EndpointDefinition): ErrorCode[] => {
  const codes = new Set<ErrorCode>();
  if (endpoint.params || endpoint.query || endpoint.body) codes.add('invalid_request');
  if (endpoint.roles !== 'public') {
    codes.add('unauthenticated');
    codes.add('forbidden');
    codes.add('rate_limited');
  }
  if (endpoint.params) codes.add('not_found');
  if (endpoint.idempotent) codes.add('idempotency_key_reused');
  if (endpoint.gatedBy) codes.add('contract_acceptance_required');
  for (const code of endpoint.errors) codes.add(code);
  return [...codes].sort((a, b) => ERROR_STATUS[a] - ERROR_STATUS[b] || a.localeCompare(b));
};

/** Names of the `{placeholders}` in a path template, in order. */
export const pathParamNames = (path: string): string[] =>
  Array.from(path.matchAll(/\{([A-Za-z0-9_]+)\}/g), (match) => match[1] as string);

/** Fills a path template, encoding every value (ids never break out of their segment). */
export const buildPath = (path: string, params: Record<string, string | number>): string =>
  path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(value));
  });

/** Hono / Express style path (`/v1/registrations/:id`) for servers that route by it. */
export const toColonPath = (path: string): string => path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');

type Infer<S> = S extends z.ZodMiniType ? z.output<S> : undefined;
type InferInput<S> = S extends z.ZodMiniType ? z.input<S> : undefined;

/** Path parameters of an endpoint, as the caller passes them. */
export type EndpointParams<E extends EndpointDefinition> = InferInput<E['params']>;
/** Query of an endpoint, as the caller passes it (before coercion). */
export type EndpointQuery<E extends EndpointDefinition> = InferInput<E['query']>;
/** Body of an endpoint, as the caller sends it. */
export type EndpointBody<E extends EndpointDefinition> = InferInput<E['body']>;
/** The parsed success answer of an endpoint. */
export type EndpointResponse<E extends EndpointDefinition> = Infer<E['response']>;
