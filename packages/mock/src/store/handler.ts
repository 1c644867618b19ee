import type { EndpointDefinition, EndpointId, EndpointResponse, Endpoints } from '@openprm/core';
import type * as z from 'zod/mini';
import type { MockPrincipal } from '../http/principal.js';
import type { MockState } from './state.js';

type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

/** What an endpoint handler of the mock gets: the request already authenticated and parsed. */
export interface MockInput<E extends EndpointDefinition> {
  state: MockState;
  principal: MockPrincipal;
  params: Parsed<E['params']>;
  query: Parsed<E['query']>;
  body: Parsed<E['body']>;
  now: Date;
  userAgent?: string;
}

export type MockHandler<E extends EndpointDefinition> = (
  input: MockInput<E>,
) => EndpointResponse<E> | Promise<EndpointResponse<E>>;

export type MockHandlers = { [K in EndpointId]?: MockHandler<Endpoints[K]> };
