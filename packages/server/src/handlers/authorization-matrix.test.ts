import {
  buildPath,
  type EndpointDefinition,
  type EndpointId,
  endpoints,
  type Role,
} from '@openprm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS, TEST_CALLERS, TEST_KEYS, type TestCaller } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { handlers } from './index.js';

/**
 * Who may call what, for the whole contract: the expectations come from each endpoint's
 * declaration (`roles`, `partnerScoped`), so a new endpoint is covered the day it is declared.
 * The only data kept here is a well-formed request per endpoint, checked against the contract.
 */

const ALL = Object.values(endpoints) as EndpointDefinition[];
const PROTECTED = ALL.filter((endpoint) => endpoint.roles !== 'public');
const CALLERS = Object.keys(TEST_KEYS) as TestCaller[];

/** Ids that exist nowhere: a well-formed request about them is a 404, never a 401/403. */
const MISSING = { id: 'zz_missing', eid: 'zz_missing', version: 1 };

/** A well-formed body per endpoint, for a caller acting for `partnerId` (its own, or one a vendor names). */
const EXAMPLE_BODIES: Partial<Record<EndpointId, (partnerId: string) => unknown>> = {
  'sessions.create': () => ({ user: { id: 'u_matrix', name: 'Matrix' }, role: 'vendor_admin' }),
  'accounts.create': () => ({ name: 'Matrix Holdings', country: 'DE', region: 'EMEA' }),
  'reservations.reserve': (partnerId) => ({ accountId: 'acc_missing', partnerId }),
  'registrations.submit': (partnerId) => ({
    accountId: 'acc_missing',
    products: ['Cloud Suite'],
    estimatedValue: { amount: 1000, currency: 'EUR' },
    expectedCloseDate: '2027-03-31',
    partnerId,
  }),
  'registrations.approve': () => ({}),
  'registrations.reject': () => ({ code: 'not_qualified', reason: 'Below the program minimum.' }),
  'registrations.withdraw': () => ({ reason: 'Customer postponed.' }),
  'registrations.close': () => ({ outcome: 'lost', reason: 'Lost on price.' }),
  'registrations.requestExtension': () => ({ justification: 'Procurement is slow.', days: 30 }),
  'registrations.approveExtension': () => ({}),
  'registrations.rejectExtension': () => ({ reason: 'The close date is covered.' }),
  'registrations.comment': () => ({ body: 'Met the CIO.' }),
  'registrations.escalate': () => ({ reason: 'No decision yet.' }),
  'partners.updateSkills': () => ({ skills: [{ skill: 'cloud-migration', level: 'expert' }] }),
  'objectives.create': () => ({
    name: 'Matrix revenue',
    metric: 'revenue',
    period: { from: '2027-01-01', to: '2027-03-31' },
  }),
  'targets.set': () => ({ targets: [{ objectiveId: 'obj_missing', value: 100 }] }),
  'metrics.record': () => ({
    records: [{ partnerId: IDS.partner1, metric: 'turnover', value: 10, on: '2026-11-20' }],
  }),
  // No gates: the matrix must not make terms pending and turn gated calls into 403s.
  'contracts.create': () => ({ title: 'Matrix terms', kind: 'other', gates: [] }),
  'contracts.publish': () => ({ content: 'Matrix terms, version 1.' }),
  'contracts.accept': () => ({ hash: '0'.repeat(64), accepted: true }),
  'webhooks.create': () => ({
    url: 'https://crm.example.com/hooks/openprm',
    eventTypes: ['registration.approved'],
  }),
  'imports.create': () => 'name,country,region\nMatrix Import GmbH,DE,EMEA\n',
};

/** Query strings the contract requires. */
const EXAMPLE_QUERIES: Partial<Record<EndpointId, Record<string, string>>> = {
  'imports.create': { type: 'accounts', dryRun: 'true' },
};

const actingFor = (caller: TestCaller) => TEST_CALLERS[caller].partnerId ?? IDS.partner1;

const requestOf = (endpoint: EndpointDefinition, caller: TestCaller, params = MISSING) => {
  const query = EXAMPLE_QUERIES[endpoint.id as EndpointId];
  const path = `${buildPath(endpoint.path, params)}${query ? `?${new URLSearchParams(query)}` : ''}`;
  const body = EXAMPLE_BODIES[endpoint.id as EndpointId]?.(actingFor(caller));
  return { path, body };
};

/** Status and problem code only; event streams are cut off once their headers arrive. */
const send = async (
  server: TestServer,
  endpoint: EndpointDefinition,
  caller: TestCaller | null,
  request: { path: string; body: unknown },
) => {
  const csv = endpoint.bodyType === 'csv';
  const response = await server.app.request(request.path, {
    method: endpoint.method,
    headers: {
      ...(caller ? { authorization: `Bearer ${TEST_KEYS[caller]}` } : {}),
      ...(request.body === undefined
        ? {}
        : { 'content-type': csv ? 'text/csv' : 'application/json' }),
    },
    ...(request.body === undefined
      ? {}
      : { body: csv ? String(request.body) : JSON.stringify(request.body) }),
  });
  if (response.headers.get('content-type')?.includes('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, code: undefined, detail: undefined };
  }
  const text = await response.text();
  const parsed = text.startsWith('{') ? JSON.parse(text) : {};
  return { status: response.status, code: parsed.code, detail: parsed.detail };
};

const mayCall = (endpoint: EndpointDefinition, role: Role) =>
  endpoint.roles !== 'public' && endpoint.roles.includes(role);

const implemented = (endpoint: EndpointDefinition) =>
  handlers[endpoint.id as EndpointId] !== undefined;

/** Areas this server does not serve yet (501); every other endpoint must have a handler. */
const NOT_YET_SERVED = /^(events|webhooks|imports)\./;

/** What an allowed caller may get for a well-formed request about records that may not exist. */
const ALLOWED_OUTCOMES = [200, 201, 202, 204, 404, 409, 422];

describe('the example requests of the matrix', () => {
  it('are well-formed by the contract, for every endpoint that takes a body or a required query', () => {
    for (const endpoint of PROTECTED) {
      for (const caller of CALLERS) {
        const { body } = requestOf(endpoint, caller);
        if (endpoint.body) {
          expect(body, `${endpoint.id} needs an example body`).toBeDefined();
          const parsed = endpoint.body.safeParse(body);
          expect(parsed.success, `${endpoint.id}: ${parsed.error?.message}`).toBe(true);
        }
        if (endpoint.query) {
          const query = EXAMPLE_QUERIES[endpoint.id as EndpointId] ?? {};
          const parsed = endpoint.query.safeParse(query);
          expect(parsed.success, `${endpoint.id}: ${parsed.error?.message}`).toBe(true);
        }
      }
    }
  });

  it('cover endpoints that all have handlers, but for the integration areas still to come', () => {
    const unserved = PROTECTED.filter((e) => !implemented(e) && !NOT_YET_SERVED.test(e.id));
    expect(unserved.map((e) => e.id)).toEqual([]);
  });
});

describeOnBothDatabases('authorization matrix of the whole contract', (handle) => {
  let server: TestServer;
  /** Records of partner 1, by the collection their path names. */
  const ofPartner1: Record<string, string> = { partners: IDS.partner1 };

  beforeAll(async () => {
    server = await startTestServer(handle.db());
    const reservation = await server.call('partner1', 'POST', '/v1/reservations', {
      accountId: IDS.globex,
    });
    expect(reservation.status).toBe(201);
    ofPartner1.reservations = reservation.body.id;
    const registration = await server.call('partner1', 'POST', '/v1/registrations', {
      accountId: IDS.umbrella,
      products: ['Cloud Suite'],
      estimatedValue: { amount: 50_000, currency: 'EUR' },
      expectedCloseDate: '2027-03-31',
    });
    // Until registrations are served (501) there is no record: their endpoints answer 501 too.
    expect([201, 501]).toContain(registration.status);
    ofPartner1.registrations = registration.body.id ?? 'reg_not_served';
  });

  it('serves the public endpoints without a token', async () => {
    for (const endpoint of ALL.filter((e) => e.roles === 'public')) {
      expect((await server.call(null, endpoint.method, endpoint.path)).status).toBe(200);
    }
  });

  for (const endpoint of PROTECTED) {
    const label = `${endpoint.method} ${endpoint.path} (${endpoint.id})`;

    it(`${label}: 401 without a token, 403 for roles it does not allow, never for those it does`, async () => {
      const anonymous = await send(server, endpoint, null, requestOf(endpoint, 'vendor'));
      expect(anonymous, 'no token').toMatchObject({ status: 401, code: 'unauthenticated' });
      for (const caller of CALLERS) {
        const answer = await send(server, endpoint, caller, requestOf(endpoint, caller));
        const role = TEST_CALLERS[caller].role;
        const context = `${caller} (${role}): ${answer.status} ${answer.code} ${answer.detail}`;
        if (!mayCall(endpoint, role)) {
          expect(answer, context).toMatchObject({ status: 403, code: 'forbidden' });
        } else if (!implemented(endpoint)) {
          expect(answer, context).toMatchObject({ status: 501, code: 'not_implemented' });
        } else {
          expect(ALLOWED_OUTCOMES, context).toContain(answer.status);
        }
      }
    });

    const collection = /^\/v1\/([a-z]+)\/\{id\}/.exec(endpoint.path)?.[1];
    if (endpoint.partnerScoped && collection && mayCall(endpoint, 'partner_admin')) {
      it(`${label}: another partner's record is a 404 for partner 2, never a 403 or 200`, async () => {
        const id = ofPartner1[collection];
        if (id === undefined) throw new Error(`No record of partner 1 for /v1/${collection}/{id}`);
        const answer = await send(
          server,
          endpoint,
          'partner2',
          requestOf(endpoint, 'partner2', { ...MISSING, id }),
        );
        expect(answer, `${answer.code} ${answer.detail}`).toMatchObject(
          implemented(endpoint)
            ? { status: 404, code: 'not_found' }
            : { status: 501, code: 'not_implemented' },
        );
      });
    }
  }

  it("left partner 1's records as they were", async () => {
    const reservations = await server.call('partner1', 'GET', '/v1/reservations');
    expect(reservations.body.data).toEqual([
      expect.objectContaining({ id: ofPartner1.reservations, status: 'active', renewals: 0 }),
    ]);
    const partner = await server.call('partner1', 'GET', `/v1/partners/${IDS.partner1}`);
    if (partner.status !== 501) expect(partner.body.skills).toEqual([]);
    const registration = await server.call(
      'partner1',
      'GET',
      `/v1/registrations/${ofPartner1.registrations}`,
    );
    if (registration.status !== 501) {
      expect(registration.body).toMatchObject({ status: 'submitted', extensionsUsed: 0 });
    }
  });
});
