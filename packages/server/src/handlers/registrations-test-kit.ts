import { sha256Hex } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import type { TestCaller } from '../test-support/fixtures.js';
import type { TestServer } from '../test-support/test-server.js';

/** Small helpers shared by the registration suites. */

/** A deal body; each test names its own product lines, so tests never contest each other. */
export const deal = (
  accountId: string,
  products: string[],
  extra: Record<string, unknown> = {},
) => ({
  accountId,
  products,
  estimatedValue: { amount: 50_000, currency: 'EUR' },
  expectedCloseDate: '2027-03-31',
  ...extra,
});

/** Submits and expects the 201 every accepted submission answers (rejected ones included). */
export const submit = async (
  server: TestServer,
  caller: TestCaller,
  body: ReturnType<typeof deal>,
) => {
  const response = await server.call(caller, 'POST', '/v1/registrations', body);
  if (response.status !== 201) {
    throw new Error(`submit answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
};

/** A registration's audit trail as the caller reads it: `[action, from, to]` per entry. */
export const auditStepsOf = async (server: TestServer, caller: TestCaller, id: string) => {
  const audit = await server.call(caller, 'GET', `/v1/registrations/${id}/audit`);
  return audit.body.data.map((e: { action: string; from?: string; to: string }) => [
    e.action,
    e.from,
    e.to,
  ]);
};

/** The trail of a vendor-direct rejection: submitted, then rejected by the rule. */
export const REJECTED_AT_ONCE = [
  ['registration.submitted', undefined, 'submitted'],
  ['registration.rejected', 'submitted', 'rejected'],
];

/** Publishes a contract version that gates submissions, straight into the tables. */
export const publishGatingContract = async (db: Queryable, id: string, now: Date) => {
  const content = `Deal registration terms ${id}`;
  await db.query(
    `insert into contracts (id, title, kind, gates, current_version, created_at)
     values ($1, 'Deal registration terms', 'deal_registration_terms', '["registration.submit"]', 1, $2)`,
    [id, now],
  );
  await db.query(
    `insert into contract_versions (contract_id, version, content, hash, requires_reacceptance, published_at)
     values ($1, 1, $2, $3, true, $4)`,
    [id, content, sha256Hex(content), now],
  );
  return { hash: sha256Hex(content) };
};

export const acceptContract = async (
  db: Queryable,
  contractId: string,
  hash: string,
  partnerId: string,
  now: Date,
) => {
  await db.query(
    `insert into acceptances (id, contract_id, version, hash, user_id, partner_id, accepted_at)
     values ($1, $2, 1, $3, 'usr_test', $4, $5)`,
    [`acc_${contractId}_${partnerId}`, contractId, hash, partnerId, now],
  );
};

/** Event types written for one subject, oldest first. */
export const eventTypesOf = async (db: Queryable, subjectId: string) =>
  (
    await db.query<{ type: string }>('select type from events where subject_id = $1 order by seq', [
      subjectId,
    ])
  ).map((row) => row.type);
