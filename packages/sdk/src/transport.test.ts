/**
 * Transport behaviour that a healthy server never shows: retries, Retry-After, lost answers,
 * aborts, timeouts and every error class from its status and code, driven by a fake fetch.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  ContractAcceptanceRequiredError,
  createPrmClient,
  isAuthenticationError,
  isConflictError,
  isContractAcceptanceRequiredError,
  isNetworkError,
  isNotFoundError,
  isPermissionError,
  isPrmError,
  isRateLimitError,
  isRuleRefusedError,
  isTimeoutError,
  isValidationError,
  NetworkError,
  NotFoundError,
  PermissionError,
  PrmError,
  RateLimitError,
  RuleRefusedError,
  TimeoutError,
  ValidationError,
} from './index.js';

type Answer = Response | Error | ((request: Request) => Response | Promise<Response>);

/** A fetch that answers from a script, one entry per request, and records what it was sent. */
const scripted = (...answers: Answer[]) => {
  const requests: Request[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    requests.push(request);
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer(request);
    return answer!.clone();
  };
  return { fetch, requests };
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
      ...headers,
    },
  });

const problem = (
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
) =>
  json(
    status,
    {
      type: `https://openprm.dev/problems/${code}`,
      title: code,
      status,
      code,
      detail: 'No.',
      ...extra,
    },
    { 'x-request-id': 'req_123', ...headers },
  );

const ME = { user: { id: 'u1', name: 'Una', role: 'vendor_admin' }, partnerId: null };
const SUBMIT = {
  accountId: 'acc_1',
  products: ['storage'],
  estimatedValue: { amount: 10, currency: 'EUR' },
  expectedCloseDate: '2027-01-31',
};

const clientWith = (fetch: typeof globalThis.fetch, options = {}) =>
  createPrmClient({ baseUrl: 'https://prm.example/', token: 'prm_key', fetch, ...options });

describe('retries', () => {
  it('retries a GET on 503 after the Retry-After seconds', async () => {
    const { fetch, requests } = scripted(
      problem(503, 'internal_error', {}, { 'retry-after': '1' }),
      json(200, ME),
    );
    const started = Date.now();
    const me = await clientWith(fetch).sessions.me();
    expect(me.user.id).toBe('u1');
    expect(requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries 429 honouring Retry-After, and 408/502/504 with backoff', async () => {
    const { fetch, requests } = scripted(
      problem(429, 'rate_limited', {}, { 'retry-after': '0' }),
      new Response('', { status: 408 }),
      new Response('bad gateway', { status: 502 }),
      new Response('', { status: 504 }),
      json(200, ME),
    );
    await clientWith(fetch, { maxRetries: 4 }).sessions.me();
    expect(requests).toHaveLength(5);
  });

  it('honours RateLimit-Reset when a 503 carries no Retry-After', async () => {
    const { fetch, requests } = scripted(
      problem(503, 'internal_error', {}, { 'ratelimit-reset': '1' }),
      json(200, ME),
    );
    const started = Date.now();
    await clientWith(fetch).sessions.me();
    expect(requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('stops after maxRetries (per call overrides the client) and throws the last answer', async () => {
    const { fetch, requests } = scripted(new Response('', { status: 503 }));
    const error = await clientWith(fetch, { maxRetries: 5 })
      .sessions.me({ maxRetries: 1 })
      .catch((e: unknown) => e);
    expect(requests).toHaveLength(2);
    expect(error).toBeInstanceOf(PrmError);
    expect(error).toMatchObject({ name: 'PrmError', status: 503 });
  });

  it('retries network errors, then throws NetworkError with the cause', async () => {
    const cause = new TypeError('fetch failed');
    const { fetch, requests } = scripted(cause);
    const error = await clientWith(fetch, { maxRetries: 2 })
      .partners.get('ptr_1')
      .catch((e: unknown) => e);
    expect(requests).toHaveLength(3);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).cause).toBe(cause);
    expect((error as NetworkError).status).toBe(0);
  });

  it('never retries a POST without an idempotency key (it might run twice)', async () => {
    const { fetch, requests } = scripted(new Response('', { status: 503 }), json(201, {}));
    await expect(
      clientWith(fetch).registrations.comment('reg_1', { body: 'Hello' }),
    ).rejects.toMatchObject({ status: 503 });
    expect(requests).toHaveLength(1);
  });

  it('retries an idempotent POST with one key, generated once per call, on every attempt', async () => {
    const { fetch, requests } = scripted(
      new Response('', { status: 502 }),
      new TypeError('socket hang up'),
      json(201, { id: 'reg_1' }),
    );
    const client = clientWith(fetch);
    await client.registrations.submit(SUBMIT);
    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );

    await client.registrations.submit(SUBMIT);
    expect(requests[3]?.headers.get('idempotency-key')).not.toBe(keys[0]); // a new call, a new key
  });

  it('uses the caller’s idempotency key when given', async () => {
    const { fetch, requests } = scripted(json(201, { id: 'res_1' }));
    await clientWith(fetch).reservations.reserve(
      { accountId: 'acc_1' },
      { idempotencyKey: 'erp-42' },
    );
    expect(requests[0]?.headers.get('idempotency-key')).toBe('erp-42');
  });
});

describe('abort and timeout', () => {
  const hanging = (request: Request) =>
    new Promise<Response>((_, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason));
    });

  it('aborts a request in flight with the signal’s reason', async () => {
    const { fetch } = scripted(hanging);
    const controller = new AbortController();
    const call = clientWith(fetch).sessions.me({ signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { fetch, requests } = scripted(json(200, ME));
    const call = clientWith(fetch).sessions.me({ signal: AbortSignal.abort() });
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests).toHaveLength(0);
  });

  it('aborts while waiting to retry', async () => {
    const { fetch, requests } = scripted(
      problem(503, 'internal_error', {}, { 'retry-after': '30' }),
    );
    const controller = new AbortController();
    const call = clientWith(fetch).sessions.me({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests).toHaveLength(1);
  });

  it('times out once, without retrying, even when fetch ignores the abort', async () => {
    const { fetch, requests } = scripted(() => new Promise<Response>(() => undefined));
    const error = await clientWith(fetch, { maxRetries: 2 })
      .sessions.me({ timeout: 20 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).detail).toBe('No answer within 20 ms.');
    expect(requests).toHaveLength(1);
  });

  it('fails with TimeoutError after `timeout` ms (per call overrides the client)', async () => {
    const { fetch } = scripted(hanging);
    const started = Date.now();
    const error = await clientWith(fetch, { timeout: 10_000 })
      .sessions.me({ timeout: 50 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(isTimeoutError(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('errors by status and code', () => {
  const cases = [
    [
      problem(400, 'invalid_request', { errors: [{ path: 'name', message: 'Required' }] }),
      ValidationError,
      isValidationError,
    ],
    [problem(401, 'unauthenticated'), AuthenticationError, isAuthenticationError],
    [problem(403, 'forbidden'), PermissionError, isPermissionError],
    [
      problem(403, 'contract_acceptance_required', {
        pending: [{ contractId: 'ctr_1', version: 2, title: 'Terms', requiresReacceptance: true }],
      }),
      ContractAcceptanceRequiredError,
      isContractAcceptanceRequiredError,
    ],
    [problem(404, 'not_found'), NotFoundError, isNotFoundError],
    [
      problem(409, 'account_reserved', { reasons: [{ code: 'account_reserved' }] }),
      ConflictError,
      isConflictError,
    ],
    [problem(422, 'renewal_limit_reached'), RuleRefusedError, isRuleRefusedError],
    [problem(429, 'rate_limited', {}, { 'retry-after': '17' }), RateLimitError, isRateLimitError],
    [problem(500, 'internal_error'), PrmError, isPrmError],
  ] as const;

  it.each(cases)(
    '%# answers its class, with status, code, detail and request id',
    async (answer, Class, guard) => {
      const { fetch } = scripted(answer);
      const error = await clientWith(fetch, { maxRetries: 0 })
        .sessions.me()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Class);
      expect(error).toBeInstanceOf(PrmError);
      expect(guard(error)).toBe(true);
      expect(error).toMatchObject({
        name: Class.name,
        status: answer.status,
        detail: 'No.',
        requestId: 'req_123',
      });
      expect((error as PrmError).raw).toMatchObject({ status: answer.status });
    },
  );

  it('carries the extra fields of each class', async () => {
    const errorOf = async (answer: Response) =>
      clientWith(scripted(answer).fetch, { maxRetries: 0 })
        .sessions.me()
        .catch((e: unknown) => e);
    const [validation, pending, conflict, limited] = await Promise.all(
      [0, 3, 5, 7].map((i) => errorOf(cases[i]![0])),
    );
    expect((validation as ValidationError).errors).toEqual([{ path: 'name', message: 'Required' }]);
    expect((pending as ContractAcceptanceRequiredError).pending[0]?.contractId).toBe('ctr_1');
    expect((conflict as ConflictError).code).toBe('account_reserved');
    expect((conflict as ConflictError).details).toEqual({
      reasons: [{ code: 'account_reserved' }],
    });
    expect((limited as RateLimitError).retryAfter).toBe(17);
  });

  it('an answer that is not problem JSON still becomes a PrmError', async () => {
    const { fetch } = scripted(new Response('<html>Bad gateway</html>', { status: 500 }));
    const error = await clientWith(fetch)
      .sessions.me()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'PrmError', status: 500, code: undefined });
    expect((error as PrmError).raw).toBe('<html>Bad gateway</html>');
  });

  it('type guards compare name and a shared brand, so they work across bundles and realms', () => {
    // What another copy of the SDK would throw: not an instance of this copy's classes.
    const foreign = Object.assign(new Error('x'), {
      name: 'ConflictError',
      code: 'already_exists',
    });
    Object.defineProperty(foreign, Symbol.for('openprm.sdk.error'), { value: true });
    expect(foreign instanceof ConflictError).toBe(false);
    expect(isConflictError(foreign)).toBe(true);
    expect(isPrmError(foreign)).toBe(true);
    expect(isNotFoundError(foreign)).toBe(false);
    // A DOMException named TimeoutError is not ours.
    expect(isTimeoutError(new DOMException('t', 'TimeoutError'))).toBe(false);
    expect(isNetworkError(new TypeError('fetch failed'))).toBe(false);
    expect(isPrmError(null)).toBe(false);
  });
});

describe('requests', () => {
  it('sends the token, the client headers, JSON and encoded path and query parameters', async () => {
    const { fetch, requests } = scripted(json(200, { data: [], nextCursor: null }));
    const client = clientWith(fetch, { headers: { 'x-correlation-id': 'c-1' } });
    await client.accounts.search({ query: 'Acme, Inc.', limit: 5 });
    await client.contracts.accept('ctr_1', 2, { hash: 'a'.repeat(64), accepted: true });
    const [search, accept] = requests;
    expect(search?.url).toBe('https://prm.example/v1/accounts?query=Acme%2C+Inc.&limit=5');
    expect(search?.headers.get('authorization')).toBe('Bearer prm_key');
    expect(search?.headers.get('x-correlation-id')).toBe('c-1');
    expect(accept?.method).toBe('POST');
    expect(accept?.url).toBe('https://prm.example/v1/contracts/ctr_1/versions/2/accept');
    expect(accept?.headers.get('content-type')).toBe('application/json');
    expect(await accept?.json()).toEqual({ hash: 'a'.repeat(64), accepted: true });
  });

  it('validates before sending: no request for invalid input', async () => {
    const { fetch, requests } = scripted(json(201, {}));
    const error = await clientWith(fetch)
      .registrations.reject('reg_1', { code: 'because' as never, reason: '' })
      .catch((e: unknown) => e);
    expect(requests).toHaveLength(0);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.path).sort()).toEqual(['code', 'reason']);
  });

  it('needs a baseUrl', () => {
    expect(() => createPrmClient({} as never)).toThrow(/baseUrl/);
  });

  it('toArray needs a sane limit', async () => {
    const { fetch } = scripted(json(200, { data: [{ id: 'p1' }], nextCursor: null }));
    await expect(clientWith(fetch).partners.list().toArray({ limit: -1 })).rejects.toThrow(
      RangeError,
    );
    expect(await clientWith(fetch).partners.list().toArray({ limit: 0 })).toEqual([]);
  });

  it('a token refresh repeats the call once, keeping its idempotency key', async () => {
    const { fetch, requests } = scripted(problem(401, 'unauthenticated'), json(201, { id: 'r' }));
    const tokens = ['old', 'new'];
    const client = createPrmClient({
      baseUrl: 'https://prm.example',
      fetch,
      getToken: () => tokens.shift()!,
    });
    await client.registrations.submit(SUBMIT);
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer old',
      'Bearer new',
    ]);
    expect(requests[1]?.headers.get('idempotency-key')).toBe(
      requests[0]?.headers.get('idempotency-key'),
    );
  });
});

describe('long waits', () => {
  it('does not wait for a Retry-After over 60 s: RateLimitError at once, with retryAfter', async () => {
    const { fetch, requests } = scripted(
      problem(429, 'rate_limited', {}, { 'retry-after': '3600' }),
      json(200, ME),
    );
    const error = await clientWith(fetch)
      .sessions.me()
      .catch((e: unknown) => e);
    expect(requests).toHaveLength(1);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(3600);
  });
});

describe('long waits as a date', () => {
  it('does not wait for a Retry-After date over 60 s away either', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    const { fetch, requests } = scripted(
      problem(503, 'internal_error', {}, { 'retry-after': inAnHour }),
      json(200, ME),
    );
    const error = await clientWith(fetch)
      .sessions.me()
      .catch((e: unknown) => e);
    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({ name: 'PrmError', status: 503 });
  });
});

describe('idempotency keys outside secure contexts', () => {
  it('makes a v4 UUID from getRandomValues when randomUUID is missing (plain-HTTP intranet)', async () => {
    const { uuid } = await import('./transport.js');
    const original = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', {
      value: undefined,
      configurable: true,
    });
    try {
      const keys = new Set(Array.from({ length: 100 }, () => uuid()));
      expect(keys.size).toBe(100);
      for (const key of keys) {
        expect(key).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
      }
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', {
        value: original,
        configurable: true,
      });
    }
  });
});

describe('token refresh under concurrency', () => {
  it('two calls refused at once share one new token', async () => {
    let supplied = 0;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      return request.headers.get('authorization') === 'Bearer t1'
        ? json(200, ME)
        : problem(401, 'unauthenticated');
    };
    const client = createPrmClient({
      baseUrl: 'https://prm.example',
      fetch,
      getToken: async () => `t${supplied++}`,
    });
    const [a, b] = await Promise.all([client.sessions.me(), client.sessions.me()]);
    expect([a.user.id, b.user.id]).toEqual(['u1', 'u1']);
    expect(supplied).toBe(2); // t0 (refused), then t1 once for both
  });

  it('a failing getToken is asked again on the next call', async () => {
    let calls = 0;
    const client = createPrmClient({
      baseUrl: 'https://prm.example',
      fetch: scripted(json(200, ME)).fetch,
      getToken: async () => {
        calls += 1;
        if (calls === 1) throw new Error('session endpoint down');
        return 'ok';
      },
    });
    await expect(client.sessions.me()).rejects.toThrow('session endpoint down');
    await expect(client.sessions.me()).resolves.toMatchObject({ user: { id: 'u1' } });
  });
});

describe('types from the contract', () => {
  it('offers idempotencyKey only where the endpoint takes one, and types inputs and answers', async () => {
    const { fetch } = scripted(json(201, {}));
    const client = clientWith(fetch);
    await client.registrations.submit(SUBMIT, { idempotencyKey: 'k' });
    // @ts-expect-error comments are not idempotent: a key would be ignored, so it is not offered
    await client.registrations.comment('reg_1', { body: 'x' }, { idempotencyKey: 'k' });
    // @ts-expect-error the body's fields come from the contract's schema
    await client.registrations.comment('reg_1', { text: 'x' }).catch(() => undefined);
    const me = await client.sessions.me();
    expectTypeOf(me.partnerId).toEqualTypeOf<string | null>();
    expectTypeOf(client.partners.list).returns.resolves.toHaveProperty('nextCursor');
  });
});
