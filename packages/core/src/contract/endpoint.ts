import type * as z from 'zod/mini';
import { ERROR_STATUS, type ErrorCode } from '../schemas/codes.js';
import type { GatedAction } from '../schemas/contract.js';
import type { Role } from '../schemas/roles.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** How the success answer travels: JSON (default), a server-sent-event stream, or nothing. */
export type ResponseKind = 'json' | 'event-stream' | 'empty';

/** What one endpoint promises; everything else (SDK, server, mock, OpenAPI) derives from it. */
export interface EndpointDefinition {
  /** `area.verb`, also the OpenAPI operationId and the SDK method, e.g. `registrations.submit`. */
  readonly id: string;
  readonly method: HttpMethod;
  /** OpenAPI-style path template, e.g. `/v1/registrations/{id}/approve`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  /** Path parameters; every `{name}` in `path` must be a key. */
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  readonly body?: z.ZodMiniType;
  /** `csv` bodies are sent as `text/csv` and validated row by row by the server. */
  readonly bodyType?: 'json' | 'csv';
  readonly status: 200 | 201 | 202 | 204;
  readonly response?: z.ZodMiniType;
  readonly responseKind?: ResponseKind;
  /** Endpoint-specific error codes; `withCommonErrors` adds the ones every endpoint can answer. */
  readonly errors: readonly ErrorCode[];
  /** Roles allowed to call; `public` needs no token. */
  readonly roles: readonly Role[] | 'public';
  /** Partner roles see only their own partner's records: another partner's record is a 404. */
  readonly partnerScoped?: boolean;
  /** Accepts an `Idempotency-Key` header: a retry replays the first answer. */
  readonly idempotent?: boolean;
  /** The action contracts may gate: pending terms answer `contract_acceptance_required`. */
  readonly gatedBy?: GatedAction;
}

/**
 * Keeps the literal types of a declaration so SDK and server infer exact inputs and outputs.
 * Marked free of side effects so bundlers drop the declarations an app does not use.
 */
export const defineEndpoint = /* @__NO_SIDE_EFFECTS__ */ <const E extends EndpointDefinition>(
  endpoint: E,
): E => endpoint;

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
