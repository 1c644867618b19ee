import { ERROR_CODES, ERROR_STATUS, Problem } from '@openprm/core';
import {
  ConflictError,
  ContractAcceptanceRequiredError,
  NetworkError,
  RateLimitError,
  ValidationError,
} from '@openprm/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { MOCK_ACCOUNT_IDS as A } from '../fixtures/accounts.js';
import { startMockServer } from '../testing/mock-server.js';

const mock = startMockServer();
afterAll(() => mock.close());

const deal = (accountId: string) => ({
  accountId,
  products: ['storage'],
  estimatedValue: { amount: 10_000, currency: 'EUR' },
  expectedCloseDate: '2027-03-31',
});

describe('scenarios', () => {
  it('latency: answers after the delay', async () => {
    mock.use({ latency: 150 });
    const started = Date.now();
    await mock.client('prm_demo_vendor').sessions.me();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('error: every request answers the chosen code as problem+json', async () => {
    mock.use({ scenario: { error: 'account_reserved' } });
    const error = await mock
      .client('prm_demo_partner1')
      .accounts.get(A.acmeGlobal)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'account_reserved' });
    mock.use({ scenario: { error: 'internal_error' } });
    await expect(mock.client('prm_demo_vendor').sessions.me()).rejects.toMatchObject({
      status: 500,
      code: 'internal_error',
    });
  });

  it('error: each code of the contract answers its own status', async () => {
    for (const code of ERROR_CODES) {
      mock.use({ scenario: { error: code } });
      const response = await fetch('http://prm.test/v1/me', {
        headers: { Authorization: 'Bearer prm_demo_vendor' },
      });
      expect(response.status).toBe(ERROR_STATUS[code]);
      expect(Problem.parse(await response.json()).code).toBe(code);
    }
  });

  it('networkFailure: the request fails without an answer', async () => {
    mock.use({ scenario: 'networkFailure' });
    await expect(mock.client('prm_demo_vendor').sessions.me()).rejects.toBeInstanceOf(NetworkError);
  });

  it('empty: no records anywhere', async () => {
    mock.use({ scenario: 'empty' });
    const vendor = mock.client('prm_demo_vendor');
    expect((await vendor.partners.list()).data).toEqual([]);
    expect((await vendor.accounts.search()).data).toEqual([]);
    expect((await vendor.registrations.list()).data).toEqual([]);
    const board = await vendor.scorecards.board();
    expect(board.groups).toEqual([]);
  });

  it('large: 10,000 partners and registrations, paged', async () => {
    mock.use({ scenario: 'large', validateResponses: false });
    const vendor = mock.client('prm_demo_vendor');
    const partners = await vendor.partners.list({ limit: 200 }).toArray({ limit: 20_000 });
    expect(partners).toHaveLength(10_000);
    const board = await vendor.scorecards.board();
    expect(board.groups.reduce((sum, group) => sum + group.partners.length, 0)).toBe(10_000);
    const registrations = await vendor.registrations
      .list({ limit: 200 })
      .toArray({ limit: 20_000 });
    expect(registrations.length).toBeGreaterThanOrEqual(10_000);
  }, 60_000);

  it('conflict: the ACME tree is reserved by partner 2', async () => {
    mock.use({ scenario: 'conflict' });
    const partner1 = mock.client('prm_demo_partner1');
    expect((await partner1.reservations.check(A.acmeUk)).status).toBe('reserved_by_other');
    const error = await partner1.reservations.reserve({ accountId: A.acmeUk }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.code).toBe('account_reserved');
  });

  it('pendingTerms: every partner must accept the new terms first', async () => {
    mock.use({ scenario: 'pendingTerms' });
    const partner2 = mock.client('prm_demo_partner2');
    const error = await partner2.registrations.submit(deal(A.umbrella)).catch((e) => e);
    expect(error).toBeInstanceOf(ContractAcceptanceRequiredError);
    expect(error.pending).toHaveLength(1);
  });

  it('rateLimited: 429 with Retry-After', async () => {
    mock.use({ scenario: 'rateLimited', retryAfter: 7 });
    const error = await mock
      .client('prm_demo_vendor')
      .sessions.me()
      .catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(7);
  });

  it('rateLimited: the SDK retries after Retry-After and then gives up', async () => {
    const api = mock.use({ scenario: 'rateLimited', retryAfter: 0 });
    expect(api.handlers.length).toBeGreaterThan(40);
    const client = mock.client('prm_demo_vendor', { maxRetries: 1 });
    await expect(client.sessions.me()).rejects.toBeInstanceOf(RateLimitError);
  });
});

describe('rate-limit headers', () => {
  it('come with every protected answer, as the server sends them', async () => {
    mock.use();
    const response = await fetch('http://prm.test/v1/me', {
      headers: { Authorization: 'Bearer prm_demo_vendor' },
    });
    expect(response.headers.get('ratelimit-limit')).toBe('600');
    expect(Number(response.headers.get('ratelimit-remaining'))).toBeLessThan(600);
    mock.use({ scenario: 'rateLimited', retryAfter: 3 });
    const limited = await fetch('http://prm.test/v1/me', {
      headers: { Authorization: 'Bearer prm_demo_vendor' },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect((await limited.json()).code).toBe('rate_limited');
  });
});

describe('the contract at the door', () => {
  const raw = (path: string, init: RequestInit = {}, token = 'prm_demo_partner2') =>
    fetch(`http://prm.test${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        ...init.headers,
      },
    });

  it('400 with errors[] for an invalid body, like the server', async () => {
    mock.use();
    const response = await raw('/v1/registrations', {
      method: 'POST',
      body: JSON.stringify({ accountId: 'acc acme', products: [] }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await response.json();
    expect(problem.code).toBe('invalid_request');
    expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['accountId', 'products', 'estimatedValue', 'expectedCloseDate']),
    );
  });

  it('400 for malformed JSON, invalid params and query', async () => {
    mock.use();
    const malformed = await raw('/v1/registrations', { method: 'POST', body: '{' });
    expect((await malformed.json()).errors).toEqual([{ path: '', message: 'Malformed JSON' }]);
    const query = await raw('/v1/registrations?limit=0');
    expect((await query.json()).errors[0].path).toBe('query.limit');
    const params = await raw('/v1/contracts/ctr_nda/versions/zero/accept', {
      method: 'POST',
      body: JSON.stringify({ hash: 'a'.repeat(64), accepted: true }),
    });
    expect((await params.json()).errors[0].path).toBe('params.version');
  });

  it('401 without a token or with an unknown one', async () => {
    mock.use();
    const none = await fetch('http://prm.test/v1/me');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await raw('/v1/me', {}, 'prm_wrong')).status).toBe(401);
  });

  it('the SDK checks inputs with the same schemas before sending', async () => {
    mock.use();
    const error = await mock
      .client('prm_demo_partner2')
      .registrations.submit({ ...deal(A.umbrella), products: [] })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
  });
});
