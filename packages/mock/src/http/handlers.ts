import {
  buildOpenApiDocument,
  type EndpointDefinition,
  type EndpointId,
  endpoints,
  toColonPath,
} from '@openprm/core';
import { delay, HttpResponse, http, type RequestHandler } from 'msw';
import type { MockHandler } from '../store/handler.js';
import { allHandlers } from '../store/index.js';
import type { MockState } from '../store/state.js';
import { idempotencyKeyOf, remember, replayed } from './idempotency.js';
import type { MockApiOptions } from './options.js';

export type { MockApiOptions } from './options.js';

import { authenticate } from './principal.js';
import { MockProblem } from './problem.js';
import { createRateLimitHeaders } from './rate-limit.js';
import { parseRequest } from './request.js';
import { errorResponse, problemResponse } from './respond.js';
import { scenarioError } from './scenarios.js';
import { assertAnswerInContract } from './validate.js';
import { worldForScenario } from './world-for-scenario.js';

/** Static segments before parameters, so `/v1/partners/search` is never read as a partner id. */
const routeOrder = (a: EndpointDefinition, b: EndpointDefinition) =>
  (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0) ||
  a.path.localeCompare(b.path);

const METHODS = { GET: http.get, POST: http.post, PUT: http.put, DELETE: http.delete } as const;

const HEALTH = { status: 'ok', version: '0.1.0-mock', database: 'pglite', demo: true } as const;

export interface MockApi {
  /** msw request handlers for `setupServer(...handlers)` or `setupWorker(...handlers)`. */
  handlers: RequestHandler[];
  /** Forget every change: the next request starts from a freshly built world. */
  reset(): void;
  /** The mock's state (built on first use): for tests that arrange or inspect directly. */
  state(): Promise<MockState>;
}

/** The stateful mock API: every endpoint of the contract, answered through core's rules. */
export const createMockApi = (options: MockApiOptions = {}): MockApi => {
  const scenario = options.scenario ?? 'default';
  const clock = options.now ?? (() => new Date());
  const base = (options.baseUrl ?? '*').replace(/\/+$/, '');
  const validate = options.validateResponses ?? true;
  let world: Promise<MockState> | null = null;
  const state = () => {
    if (!world) {
      world = worldForScenario(scenario, {
        now: clock(),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
      });
    }
    return world;
  };

  const rateLimitHeaders = createRateLimitHeaders();

  const answer = async (
    endpoint: EndpointDefinition,
    request: Request,
    rawParams: unknown,
    headers: Record<string, string>,
  ) => {
    if (scenario === 'networkFailure') return HttpResponse.error();
    if (typeof scenario === 'object') return problemResponse(scenarioError(scenario.error));
    if (endpoint.roles === 'public') {
      if (endpoint.id === 'health.check') return HttpResponse.json(HEALTH);
      return HttpResponse.json(buildOpenApiDocument(routed, { version: HEALTH.version }));
    }
    const principal = authenticate(request.headers.get('authorization'), clock());
    Object.assign(headers, rateLimitHeaders(principal.token, clock().getTime()));
    if (scenario === 'rateLimited') {
      const retryAfter = String(options.retryAfter ?? 1);
      Object.assign(headers, { 'RateLimit-Remaining': '0', 'Retry-After': retryAfter });
      throw new MockProblem('rate_limited', `Too many requests: wait ${retryAfter} s.`);
    }
    if (!endpoint.roles.includes(principal.role)) {
      throw new MockProblem('forbidden', `The role ${principal.role} may not call ${endpoint.id}.`);
    }
    const handler = allHandlers[endpoint.id as EndpointId] as
      | MockHandler<EndpointDefinition>
      | undefined;
    if (!handler) {
      throw new MockProblem(
        'not_implemented',
        `${endpoint.id} is not implemented by the mock yet.`,
      );
    }
    const { params, query, body } = await parseRequest(endpoint, request, rawParams);
    const key = idempotencyKeyOf(endpoint, request);
    const current = await state();
    const scope = { caller: principal.token, key, endpoint: endpoint.id, body };
    const replay = replayed(current, scope);
    if (replay) {
      return HttpResponse.json(replay.body as never, {
        status: replay.status,
        headers: { ...headers, 'Idempotent-Replayed': 'true' },
      });
    }
    const userAgent = request.headers.get('user-agent');
    const result = await handler({
      state: current,
      principal,
      params,
      query,
      body,
      now: clock(),
      ...(userAgent ? { userAgent } : {}),
    } as never);
    if (validate) assertAnswerInContract(endpoint, result);
    remember(current, scope, endpoint.status, result);
    if (endpoint.status === 204) return new HttpResponse(null, { status: 204, headers });
    return HttpResponse.json(result as never, { status: endpoint.status, headers });
  };

  const routed = (Object.values(endpoints) as EndpointDefinition[]).sort(routeOrder);
  const handlers = routed.map((endpoint) =>
    METHODS[endpoint.method](
      `${base}${toColonPath(endpoint.path)}`,
      async ({ request, params }) => {
        if (options.latency !== undefined && options.latency !== 0) await delay(options.latency);
        const headers: Record<string, string> = {};
        try {
          return await answer(endpoint, request, params, headers);
        } catch (error) {
          return errorResponse(error, headers);
        }
      },
    ),
  );
  return {
    handlers,
    reset: () => {
      world = null;
    },
    state,
  };
};

/** msw handlers for every endpoint of the contract; see {@link createMockApi} for the options. */
export const createMockHandlers = (options: MockApiOptions = {}): RequestHandler[] =>
  createMockApi(options).handlers;
