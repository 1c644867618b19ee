import type { EndpointRequest, HttpMethod } from '../endpoint.js';
import type { Check } from './check.js';
import { describeSchema } from './describe.js';

/**
 * What a client needs to send one request and check it first, as plain data: the endpoint's
 * method and path, whether it needs a token and takes an `Idempotency-Key`, and its params,
 * query and body compiled to `Check`s. `@openprm/core/request-checks` holds one per endpoint.
 */
export interface RequestCheck {
  readonly method: HttpMethod;
  /** OpenAPI-style path template, e.g. `/v1/registrations/{id}/approve`. */
  readonly path: string;
  /** Answers without a token. */
  readonly public?: true;
  /** Accepts an `Idempotency-Key` header. */
  readonly idempotent?: true;
  /** Sent as `text/csv` rather than JSON. */
  readonly bodyType?: 'csv';
  readonly params?: Check;
  readonly query?: Check;
  readonly body?: Check;
}

/** The `RequestCheck` of one endpoint's request; `id` names it in errors. */
export const describeRequest = (id: string, request: EndpointRequest): RequestCheck => {
  const check: { -readonly [K in keyof RequestCheck]: RequestCheck[K] } = {
    method: request.method,
    path: request.path,
  };
  if (request.roles === 'public') check.public = true;
  if (request.idempotent) check.idempotent = true;
  if (request.bodyType === 'csv') check.bodyType = 'csv';
  for (const part of ['params', 'query', 'body'] as const) {
    const schema = request[part];
    if (schema) check[part] = describeSchema(schema, `${id} ${part}`);
  }
  return check;
};

/** Every request of a table (e.g. core's `requests`) compiled to `RequestCheck`s, keyed alike. */
export const describeRequests = <K extends string>(
  requests: Readonly<Record<K, EndpointRequest>>,
): Record<K, RequestCheck> =>
  Object.fromEntries(
    Object.entries<EndpointRequest>(requests).map(([id, request]) => [
      id,
      describeRequest(id, request),
    ]),
  ) as Record<K, RequestCheck>;
