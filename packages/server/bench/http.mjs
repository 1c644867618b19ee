#!/usr/bin/env node
/**
 * HTTP benchmark of the reference server, on loopback, in one process and one run:
 *
 *   hello    a hello-world Hono route on @hono/node-server: the ceiling of this machine
 *   check    GET  /v1/accounts/{id}/reservation            (read: auth, the account tree, rules)
 *   submit   POST /v1/registrations with an Idempotency-Key  (write: rules, conflicts, outbox)
 *
 * each on PGlite (in memory) and on PostgreSQL (a throw-away schema; skipped with a message when
 * unreachable). 50 connections, a few seconds each; prints req/s, p50, p99 and the ratio to a
 * hello run measured just before the scenario.
 *
 *   npm run bench -w @openprm/server
 *   BENCH_SECONDS=10 OPENPRM_BENCH_DATABASE_URL=postgres://… npm run bench -w @openprm/server
 */
import { createHash, randomUUID } from 'node:crypto';
import os from 'node:os';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import pg from 'pg';
import { createServer } from '../dist/index.js';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = 1;
const ACCOUNTS = 2_000;
const POSTGRES_URL =
  process.env.OPENPRM_BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
/** The targets of the README: share of hello-world req/s, and p99 at 50 connections. */
const TARGETS = { check: 0.4, submit: 0.1, p99Ms: 50 };

const PARTNER_KEY = 'bench_partner_admin_key';
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const accountId = (n) => `acc_bench_${String(n).padStart(5, '0')}`;

/** A small world: one partner with a key, ACCOUNTS root accounts, no contracts to accept. */
const seed = async (db) => {
  const now = new Date();
  await db.query(
    `insert into partners (id, name, segment, region, countries, profile_updated_at, created_at)
     values ('ptr_bench', 'Bench Partner', 'reseller', 'EMEA', '["DE"]', $1, $1)`,
    [now],
  );
  await db.query(
    `insert into api_keys (id, key_hash, name, role, partner_id, created_at)
     values ('key_bench', $1, 'Bench partner admin', 'partner_admin', 'ptr_bench', $2)`,
    [sha256(PARTNER_KEY), now],
  );
  await db.query(
    `insert into accounts (id, name, normalized_name, lookup_keys, parent_id, root_id, country, region, created_at)
     select id, 'Bench Account ' || n, 'bench account ' || n, array['name:bench account ' || n], null, id, 'DE', 'EMEA', $2
     from (select n, 'acc_bench_' || lpad(n::text, 5, '0') as id from generate_series(1, $1) n) s`,
    [ACCOUNTS, now],
  );
};

/** Serves `fetch` on 127.0.0.1 with a free port. */
const listen = (fetch) =>
  new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });

const cannon = (options, seconds) =>
  autocannon({ connections: CONNECTIONS, duration: seconds, ...options });

/** A warm-up (JIT, pools, caches), then the measured run. */
const measure = async (options) => {
  await cannon(options, WARMUP_SECONDS);
  const result = await cannon(options, SECONDS);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
};

let next = 0;
const nextAccount = () => accountId((next++ % ACCOUNTS) + 1);
const closeDate = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
const auth = { authorization: `Bearer ${PARTNER_KEY}`, 'content-type': 'application/json' };

/**
 * Every account in turn, each connection with its own share of them as requests autocannon builds
 * once (`setupClient`): like hello-world's single request, so the load generator (same process)
 * costs the same per request in both and the ratio compares the servers.
 */
const checkScenario = (url) => {
  const perConnection = Math.ceil(ACCOUNTS / CONNECTIONS);
  let connection = 0;
  return {
    url,
    headers: auth,
    setupClient: (client) => {
      const first = (connection++ % CONNECTIONS) * perConnection;
      client.setRequests(
        Array.from({ length: perConnection }, (_, index) => ({
          method: 'GET',
          path: `/v1/accounts/${accountId(((first + index) % ACCOUNTS) + 1)}/reservation`,
        })),
      );
    },
  };
};

const submitScenario = (url) => ({
  url,
  requests: [
    {
      method: 'POST',
      path: '/v1/registrations',
      setupRequest: (request) => ({
        ...request,
        headers: { ...auth, 'idempotency-key': randomUUID() },
        body: JSON.stringify({
          accountId: nextAccount(),
          products: ['Widgets'],
          estimatedValue: { amount: 25_000, currency: 'EUR' },
          expectedCloseDate: closeDate,
        }),
      }),
    },
  ],
});

/**
 * Each scenario right after a hello-world run of its own: the ratio compares two runs a few
 * seconds apart, so the drift of a shared machine over the whole bench does not skew it.
 */
const againstHello = async (hello, scenario, db, options) => {
  const baseline = await measure({ url: hello.url });
  return { scenario, db, hello: baseline.rps, ...(await measure(options)) };
};

const benchServer = async (hello, label, options) => {
  const server = await createServer({
    ...options,
    jobs: false,
    rateLimit: { limit: 1_000_000_000, windowSeconds: 60 },
  });
  await seed(server.context.db);
  const http = await listen(server.app.fetch);
  try {
    return [
      await againstHello(hello, 'check', label, checkScenario(http.url)),
      await againstHello(hello, 'submit', label, submitScenario(http.url)),
    ];
  } finally {
    await http.close();
    await server.close();
  }
};

/** A throw-away schema on the PostgreSQL server, or null (with the reason) when unreachable. */
const openBenchSchema = async () => {
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  const schema = `bench_${randomUUID().slice(0, 8)}`;
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const cleaner = new pg.Client({ connectionString: POSTGRES_URL });
      await cleaner.connect();
      await cleaner.query(`drop schema ${schema} cascade`);
      await cleaner.end();
    },
  };
};

const formatRow = (row) => {
  const ratio = row.rps / row.hello;
  const target = row.scenario === 'submit' ? TARGETS.submit : TARGETS.check;
  const verdict =
    ratio >= target && row.p99 <= TARGETS.p99Ms
      ? 'ok'
      : `MISSED (target ≥ ${target * 100} %, p99 ≤ ${TARGETS.p99Ms} ms)`;
  return [
    row.scenario.padEnd(8),
    row.db.padEnd(9),
    Math.round(row.rps).toString().padStart(7),
    `${row.p50} ms`.padStart(8),
    `${row.p99} ms`.padStart(8),
    Math.round(row.hello).toString().padStart(7),
    `${(ratio * 100).toFixed(1)} %`.padStart(8),
    String(row.non2xx + row.errors).padStart(7),
    verdict,
  ].join('  ');
};

const main = async () => {
  const started = Date.now();
  console.log(
    `OpenPRM HTTP bench: ${CONNECTIONS} connections, ${SECONDS} s per scenario (+${WARMUP_SECONDS} s warm-up), ` +
      `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ` +
      `load ${os.loadavg()[0]?.toFixed(1)} (figures are only comparable on an idle machine), ${new Date().toISOString()}`,
  );
  const hello = await listen(new Hono().get('/', (c) => c.text('Hello, world!')).fetch);
  const rows = [];
  try {
    rows.push(...(await benchServer(hello, 'pglite', {})));
    const postgres = await openBenchSchema();
    if (postgres.problem) {
      console.log(`PostgreSQL skipped: ${POSTGRES_URL} is not reachable (${postgres.problem}).`);
    } else {
      try {
        rows.push(...(await benchServer(hello, 'postgres', { databaseUrl: postgres.url })));
      } finally {
        await postgres.drop();
      }
    }
  } finally {
    await hello.close();
  }

  console.log(
    `\n${['scenario', 'database', '    req/s', '     p50', '     p99', '  hello', ' of hello', ' non-2xx', 'target'].join('  ')}`,
  );
  for (const row of rows) console.log(formatRow(row));
  console.log(
    '\nhello: a hello-world Hono route, measured right before each scenario (req/s).' +
      `\nDone in ${Math.round((Date.now() - started) / 1000)} s.`,
  );
};

await main();
