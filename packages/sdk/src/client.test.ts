/**
 * The SDK against the real server in-process (PGlite in memory, demo data, demo keys): every
 * resource, every error class from a real answer, pagination, idempotency and token refresh.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  ContractAcceptanceRequiredError,
  createPrmClient,
  isConflictError,
  NotFoundError,
  PermissionError,
  type PrmClient,
  RateLimitError,
  RuleRefusedError,
  ValidationError,
} from './index.js';
import { BASE_URL, type DemoServer, startDemoServer } from './testing/server.js';

let demo: DemoServer;
let vendor: PrmClient;
let manager: PrmClient;
let partner1: PrmClient;
let partner2: PrmClient;

const PARTNER2 = 'ptr_veltmann';
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** A fresh account of our own, so tests never collide with the demo's reservations. */
const newAccount = async (name: string) =>
  vendor.accounts.create({ name, country: 'DE', region: 'EMEA' });

const submit = async (accountId: string, client = partner2) =>
  client.registrations.submit({
    accountId,
    products: ['storage'],
    estimatedValue: { amount: 125_000, currency: 'EUR' },
    expectedCloseDate: inAMonth(),
  });

beforeAll(async () => {
  demo = await startDemoServer();
  vendor = demo.client('prm_demo_vendor');
  manager = demo.client('prm_demo_manager');
  partner1 = demo.client('prm_demo_partner1');
  partner2 = demo.client('prm_demo_partner2');
}, 60_000);

afterAll(async () => {
  await demo?.close();
});

describe('sessions', () => {
  it('mints a browser session with a vendor key, and the token works as the user', async () => {
    const session = await vendor.sessions.create({
      user: { id: 'usr_anna', name: 'Anna Berg' },
      role: 'partner_admin',
      partnerId: PARTNER2,
      ttlSeconds: 600,
    });
    expect(session.token).toEqual(expect.any(String));
    const browser = demo.client(session.token);
    const me = await browser.sessions.me();
    expect(me).toMatchObject({
      user: { id: 'usr_anna', role: 'partner_admin' },
      partnerId: PARTNER2,
    });
  });
});

describe('accounts', () => {
  it('searches forgivingly, gets the tree, creates and refuses a duplicate', async () => {
    const found = await partner2.accounts.search({ query: 'Alderfen Energy Group' });
    expect(found.data.map((a) => a.id)).toContain('acc_alderfen');

    const tree = await partner2.accounts.get('acc_alderfen');
    expect(tree.descendants.map((a) => a.id)).toContain('acc_alderfen_dk');

    const created = await newAccount('Quillmoor Robotics GmbH');
    expect(created).toMatchObject({ name: 'Quillmoor Robotics GmbH', parentId: null });
    const duplicate = await newAccount('QUILLMOOR robotics gmbh').catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(ConflictError);
    expect(duplicate).toMatchObject({ status: 409, code: 'already_exists' });
  });
});

describe('reservations', () => {
  it('checks, reserves, lists, renews and releases', async () => {
    const account = await newAccount('Tallowick Logistics AG');
    expect((await partner2.reservations.check(account.id)).status).toBe('open');

    const reservation = await partner2.reservations.reserve({ accountId: account.id });
    expect(reservation).toMatchObject({ accountId: account.id, partnerId: PARTNER2 });
    expect((await partner2.reservations.check(account.id)).status).toBe('reserved_by_you');
    expect((await partner1.reservations.check(account.id)).status).toBe('reserved_by_other');

    const mine = await partner2.reservations.list({ accountId: account.id });
    expect(mine.data.map((r) => r.id)).toEqual([reservation.id]);

    const renewed = await partner2.reservations.renew(reservation.id);
    expect(renewed.expiresAt >= reservation.expiresAt).toBe(true);
    const released = await partner2.reservations.release(reservation.id);
    expect(released.status).toBe('released');
    expect((await partner2.reservations.check(account.id)).status).toBe('open');
  });

  it('answers ConflictError with the code and the details of the rule', async () => {
    const account = await newAccount('Orrisfield Mills Ltd');
    await partner2.reservations.reserve({ accountId: account.id });
    const error = await vendor.reservations
      .reserve({ accountId: account.id, partnerId: 'ptr_altmara' })
      .catch((e: unknown) => e);
    expect(isConflictError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'ConflictError', code: 'account_reserved', status: 409 });
    expect((error as ConflictError).details).toHaveProperty('reasons');

    const direct = await partner2.reservations
      .reserve({ accountId: 'acc_ashcombe_it' })
      .catch((e: unknown) => e);
    expect(direct).toMatchObject({ name: 'ConflictError', code: 'vendor_direct_account' });
  });
});

describe('registrations', () => {
  it('submits, reads, converses, approves, extends and closes, with the audit trail', async () => {
    const account = await newAccount('Pellbrook Analytics BV');
    const registration = await submit(account.id);
    expect(registration).toMatchObject({ status: 'submitted', partnerId: PARTNER2 });
    expectTypeOf(registration.status).toEqualTypeOf<
      'submitted' | 'approved' | 'rejected' | 'won' | 'lost' | 'expired' | 'withdrawn'
    >();

    expect((await partner2.registrations.get(registration.id)).id).toBe(registration.id);
    const commented = await partner2.registrations.comment(registration.id, {
      body: 'The customer wants a pilot first.',
    });
    expect(commented.comments.at(-1)?.body).toBe('The customer wants a pilot first.');
    const escalated = await partner2.registrations.escalate(registration.id, {
      reason: 'Decision needed before the customer meeting.',
    });
    expect(escalated.escalatedAt).toBeDefined();

    const approved = await manager.registrations.approve(registration.id, { protectionDays: 60 });
    expect(approved.status).toBe('approved');

    const asked = await partner2.registrations.requestExtension(registration.id, {
      justification: 'Procurement moved the signature to next quarter.',
      days: 30,
    });
    const first = asked.extensions.at(-1)!;
    const granted = await manager.registrations.approveExtension(registration.id, first.id);
    expect(granted.extensions.find((e) => e.id === first.id)?.status).toBe('approved');

    const again = await partner2.registrations.requestExtension(registration.id, {
      justification: 'One more month, please.',
      days: 30,
    });
    const second = again.extensions.at(-1)!;
    const refused = await manager.registrations.rejectExtension(registration.id, second.id, {
      reason: 'The protection period is long enough.',
    });
    expect(refused.extensions.find((e) => e.id === second.id)?.status).toBe('rejected');

    const won = await partner2.registrations.close(registration.id, { outcome: 'won' });
    expect(won.status).toBe('won');

    const audit = await partner2.registrations.audit(registration.id);
    expect(audit.data.map((event) => event.action)).toEqual(
      expect.arrayContaining([expect.any(String)]),
    );
    expect(audit.data.length).toBeGreaterThanOrEqual(5);

    const queue = await manager.registrations.list({ partnerId: PARTNER2, accountId: account.id });
    expect(queue.data.map((r) => r.id)).toEqual([registration.id]);
  });

  it('rejects with a reason, withdraws, and refuses an invalid transition', async () => {
    const rejected = await submit((await newAccount('Sablewood Retail SA')).id);
    const decided = await manager.registrations.reject(rejected.id, {
      code: 'not_qualified',
      reason: 'Below the program minimum.',
    });
    expect(decided.rejection).toMatchObject({ code: 'not_qualified' });
    await expect(manager.registrations.approve(rejected.id)).rejects.toMatchObject({
      name: 'ConflictError',
      code: 'invalid_transition',
    });

    const withdrawn = await submit((await newAccount('Marrowgate Dental Oy')).id);
    expect((await partner2.registrations.withdraw(withdrawn.id)).status).toBe('withdrawn');
  });

  it('answers 422 as RuleRefusedError (a second escalation within a day)', async () => {
    const registration = await submit((await newAccount('Wrenhollow Foods Srl')).id);
    await partner2.registrations.escalate(registration.id, { reason: 'Slow answer.' });
    const error = await partner2.registrations
      .escalate(registration.id, { reason: 'Still slow.' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleRefusedError);
    expect(error).toMatchObject({ status: 422, code: 'rule_refused' });
  });
});

describe('errors from real answers', () => {
  it('401 → AuthenticationError, with the request id', async () => {
    const error = await demo
      .client('prm_not_a_key')
      .sessions.me()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect((error as AuthenticationError).requestId).toEqual(expect.any(String));
  });

  it('403 → PermissionError (a partner may not approve)', async () => {
    const registration = await submit((await newAccount('Copperfell Textiles plc')).id);
    const error = await partner2.registrations.approve(registration.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('403 contract_acceptance_required → ContractAcceptanceRequiredError with the pending contracts', async () => {
    const account = await newAccount('Hazelmere Print Ltd');
    const error = await submit(account.id, partner1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractAcceptanceRequiredError);
    const pending = (error as ContractAcceptanceRequiredError).pending;
    expect(pending.map((p) => p.contractId)).toContain('ctr_deal_registration_terms');
  });

  it('404 → NotFoundError (another partner’s record is not visible)', async () => {
    const account = await newAccount('Ivybridge Motors AB');
    const theirs = await vendor.registrations.submit({
      accountId: account.id,
      partnerId: 'ptr_altmara',
      products: ['storage'],
      estimatedValue: { amount: 1_000, currency: 'EUR' },
      expectedCloseDate: inAMonth(),
    });
    await expect(partner2.registrations.get(theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(partner2.accounts.get('acc_does_not_exist')).rejects.toMatchObject({
      name: 'NotFoundError',
      status: 404,
      code: 'not_found',
    });
  });

  it('400 from the server → ValidationError (an over-long Idempotency-Key)', async () => {
    const error = await partner2.registrations
      .submit(
        {
          accountId: 'acc_alderfen',
          products: ['storage'],
          estimatedValue: { amount: 1, currency: 'EUR' },
          expectedCloseDate: inAMonth(),
        },
        { idempotencyKey: 'k'.repeat(300) },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request' });
  });

  it('429 → RateLimitError with retryAfter, once retries are spent', async () => {
    const app = await demo.createApp({ rateLimit: { limit: 1, windowSeconds: 60 }, jobs: false });
    const limited = createPrmClient({
      baseUrl: BASE_URL,
      token: 'prm_demo_partner2',
      maxRetries: 0,
      fetch: async (input, init) => app.fetch(new Request(input, init)),
    });
    await limited.sessions.me();
    const error = await limited.sessions.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBeGreaterThan(0);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited' });
  });
});

describe('client-side validation', () => {
  it('throws the server’s ValidationError shape without sending anything', async () => {
    const invalid = {
      accountId: 'acc_alderfen',
      products: [],
      estimatedValue: { amount: -5, currency: 'euro' },
      expectedCloseDate: 'soon',
    };
    const before = demo.requests.length;
    const local = await partner2.registrations.submit(invalid).catch((e: unknown) => e);
    expect(demo.requests.length).toBe(before);
    expect(local).toBeInstanceOf(ValidationError);

    // The same body sent to the server answers the same errors[].
    const answer = await demo.server.app.fetch(
      new Request(`${BASE_URL}/v1/registrations`, {
        method: 'POST',
        headers: { authorization: 'Bearer prm_demo_partner2', 'content-type': 'application/json' },
        body: JSON.stringify(invalid),
      }),
    );
    const problem = (await answer.json()) as { errors: unknown[]; detail: string };
    expect(answer.status).toBe(400);
    expect((local as ValidationError).errors).toEqual(problem.errors);
    expect((local as ValidationError).detail).toBe(problem.detail);
    expect((local as ValidationError).errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['products', 'estimatedValue.amount', 'estimatedValue.currency']),
    );
  });

  it('reports the first invalid part only, in the server’s order (params, query, body)', async () => {
    const local = await partner2.registrations
      .comment('bad id!', { body: '' })
      .catch((e: unknown) => e);
    const answer = await demo.server.app.fetch(
      new Request(`${BASE_URL}/v1/registrations/${encodeURIComponent('bad id!')}/comments`, {
        method: 'POST',
        headers: { authorization: 'Bearer prm_demo_partner2', 'content-type': 'application/json' },
        body: JSON.stringify({ body: '' }),
      }),
    );
    const problem = (await answer.json()) as { errors: unknown[]; detail: string };
    expect(answer.status).toBe(400);
    expect(local).toMatchObject({ name: 'ValidationError', detail: problem.detail });
    expect((local as ValidationError).errors).toEqual(problem.errors);
    expect((local as ValidationError).errors.map((e) => e.path)).toEqual(['params.id']);
  });

  it('validates path parameters and queries too, prefixed like the server', async () => {
    const before = demo.requests.length;
    await expect(partner2.accounts.get('../admin')).rejects.toMatchObject({
      name: 'ValidationError',
      errors: [{ path: 'params.id', message: expect.any(String) }],
    });
    await expect(partner2.registrations.list({ limit: 1000 })).rejects.toMatchObject({
      name: 'ValidationError',
      errors: [{ path: 'query.limit', message: expect.any(String) }],
    });
    expect(demo.requests.length).toBe(before);
  });
});

describe('query booleans', () => {
  it('takes real booleans and sends them as the text the contract names', async () => {
    const before = demo.requests.length;
    const stale = await vendor.partners.list({ stale: true, limit: 200 }).toArray({ limit: 500 });
    const fresh = await vendor.partners.list({ stale: false, limit: 200 }).toArray({ limit: 500 });
    expect(stale.length).toBeGreaterThan(0);
    expect(fresh.length).toBeGreaterThan(0);
    expect(stale.every((partner) => partner.stale)).toBe(true);
    expect(fresh.every((partner) => !partner.stale)).toBe(true);
    const sent = demo.requests.slice(before).map((r) => new URL(r.url).searchParams.get('stale'));
    expect(new Set(sent)).toEqual(new Set(['true', 'false']));
    // The text form still works, and anything else is refused before sending.
    await expect(vendor.partners.list({ stale: 'true', limit: 1 })).resolves.toBeDefined();
    await expect(
      vendor.partners.list({ stale: 'yes' as unknown as boolean, limit: 1 }),
    ).rejects.toMatchObject({ name: 'ValidationError' });
  });
});

describe('pagination', () => {
  it('iterates across 3+ pages with for await, following nextCursor', async () => {
    const before = demo.requests.length;
    const first = await vendor.partners.list({ limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const seen: string[] = [];
    for await (const partner of first) {
      seen.push(partner.id);
      if (seen.length === 6) break;
    }
    const sent = demo.requests.slice(before).map((r) => new URL(r.url));
    expect(sent).toHaveLength(3); // pages 1, 2, 3; nothing fetched beyond what the loop needed
    expect(sent[0]?.searchParams.get('cursor')).toBeNull();
    expect(sent[1]?.searchParams.get('cursor')).toBe(first.nextCursor);
    expect(sent.every((url) => url.searchParams.get('limit') === '2')).toBe(true);
    expect(new Set(seen).size).toBe(6);
  });

  it('toArray({ limit }) collects across pages and matches one big page', async () => {
    const collected = await vendor.partners.list({ limit: 2 }).toArray({ limit: 7 });
    const big = await vendor.partners.list({ limit: 7 });
    expect(collected.map((p) => p.id)).toEqual(big.data.map((p) => p.id));
  });

  it('the list promise itself is async-iterable, to the last page', async () => {
    let count = 0;
    for await (const reservation of partner2.reservations.list({ limit: 2 })) {
      expect(reservation.partnerId).toBe(PARTNER2);
      count += 1;
    }
    const all = await partner2.reservations.list({ limit: 200 });
    expect(count).toBe(all.data.length);
    expect(count).toBeGreaterThanOrEqual(5);
  });
});

describe('partners and scorecards', () => {
  it('lists, gets, searches and updates skills', async () => {
    const own = await partner2.partners.list();
    expect(own.data.map((p) => p.id)).toEqual([PARTNER2]);
    expect((await partner2.partners.get(PARTNER2)).id).toBe(PARTNER2);

    const ranked = await manager.partners.search({ skills: 'networking', country: 'DE' });
    expect(ranked.data.length).toBeGreaterThan(0);
    expect(ranked.data[0]).toHaveProperty('explanation');

    const updated = await partner2.partners.updateSkills(PARTNER2, {
      skills: [{ skill: 'cloud-migration', level: 'expert', people: 3 }],
    });
    expect(updated.skills).toEqual([
      expect.objectContaining({ skill: 'cloud-migration', level: 'expert' }),
    ]);
  });

  it('creates objectives, sets targets, records metrics, reads the board and a scorecard', async () => {
    const year = new Date().getUTCFullYear();
    const objective = await vendor.objectives.create({
      name: `SDK turnover ${year}`,
      metric: 'turnover',
      period: { from: `${year}-01-01`, to: `${year}-12-31` },
    });
    expect((await vendor.objectives.list()).data.map((o) => o.id)).toContain(objective.id);

    const targets = await vendor.targets.set(PARTNER2, {
      targets: [{ objectiveId: objective.id, value: 100_000 }],
    });
    expect(targets.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ objectiveId: objective.id, value: 100_000 }),
      ]),
    );

    const today = new Date().toISOString().slice(0, 10);
    const recorded = await vendor.metrics.record({
      records: [{ partnerId: PARTNER2, metric: 'turnover', value: 90_000, on: today }],
    });
    expect(recorded.recorded).toBe(1);

    const board = await manager.scorecards.board({ groupBy: 'region' });
    expect(board).toBeTypeOf('object');
    const scorecard = await partner2.scorecards.forPartner(PARTNER2);
    expect(JSON.stringify(scorecard)).toContain(objective.id);
  });
});

describe('contracts', () => {
  it('creates, publishes, shows pending terms, accepts and reports acceptances', async () => {
    const contract = await vendor.contracts.create({ title: 'SDK Test NDA', kind: 'nda' });
    const version = await vendor.contracts.publish(contract.id, {
      content: '# NDA\n\nKeep it secret.',
      requiresReacceptance: true,
    });
    expect(version.version).toBe(1);
    expect((await vendor.contracts.list()).data.map((c) => c.id)).toContain(contract.id);

    const pending = await partner1.contracts.pending();
    const mine = pending.data.find((p) => p.contractId === contract.id)!;
    expect(mine).toBeDefined();

    const wrongHash = await partner1.contracts
      .accept(contract.id, mine.version, { hash: '0'.repeat(64), accepted: true })
      .catch((e: unknown) => e);
    expect(wrongHash).toMatchObject({ name: 'RuleRefusedError', code: 'hash_mismatch' });

    const receipt = await partner1.contracts.accept(contract.id, mine.version, {
      hash: mine.hash,
      accepted: true,
    });
    expect(receipt).toMatchObject({ contractId: contract.id, version: mine.version });

    const report = await vendor.contracts.acceptances(contract.id);
    expect(report.data.map((a) => a.id)).toContain(receipt.id);
  });
});

describe('idempotency and token refresh against the server', () => {
  it('a submit whose answer was lost is retried with the same key and makes one registration', async () => {
    const account = await newAccount('Lanternby Solar ApS');
    const keys: (string | null)[] = [];
    let lost = false;
    const flaky = createPrmClient({
      baseUrl: BASE_URL,
      token: 'prm_demo_partner2',
      fetch: async (input, init) => {
        const request = new Request(input, init);
        keys.push(request.headers.get('idempotency-key'));
        const response = await demo.server.app.fetch(request);
        if (!lost) {
          lost = true; // the server did the work, the answer never reached the client
          throw new TypeError('fetch failed');
        }
        return response;
      },
    });
    const registration = await submit(account.id, flaky);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    const all = await partner2.registrations.list({ accountId: account.id });
    expect(all.data.map((r) => r.id)).toEqual([registration.id]);
  });

  it('calls getToken lazily, and again once after a 401', async () => {
    const tokens = ['prm_expired_session', 'prm_demo_partner2'];
    let calls = 0;
    const client = createPrmClient({
      baseUrl: BASE_URL,
      fetch: demo.fetch,
      getToken: async () => tokens[calls++]!,
    });
    expect(calls).toBe(0);
    expect((await client.sessions.me()).partnerId).toBe(PARTNER2);
    expect(calls).toBe(2);
    await client.sessions.me();
    expect(calls).toBe(2); // kept until the next 401
  });

  it('gives up after one refresh when the new token is refused too', async () => {
    let calls = 0;
    const client = createPrmClient({
      baseUrl: BASE_URL,
      fetch: demo.fetch,
      getToken: () => `prm_bad_${calls++}`,
    });
    await expect(client.sessions.me()).rejects.toBeInstanceOf(AuthenticationError);
    expect(calls).toBe(2);
  });
});
