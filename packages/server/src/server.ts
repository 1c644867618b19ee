import { DEFAULT_PROGRAM, type ProgramSettings } from '@openprm/core';
import { createApp } from './app.js';
import type { ServerContext } from './context.js';
import { randomToken } from './crypto.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { type DatabaseOptions, openDatabase } from './db/open.js';
import { createAuthenticator } from './http/auth.js';
import { createAuthFailureGuard } from './http/auth-failures.js';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from './http/rate-limit.js';
import { type JobTimerOptions, startJobTimer } from './jobs/index.js';
import { locateElementsBundle } from './portal/elements-bundle.js';
import { createAccountTreeCache } from './services/account-trees.js';
import { DEFAULT_EVENT_STREAM, type EventStreamOptions } from './services/event-stream.js';
import { version } from './version.js';
import { startWebhookTimer, type WebhookTimerOptions } from './webhooks/index.js';

export interface ServerOptions extends DatabaseOptions {
  /** Accept the documented demo keys. Never in production. @default false */
  demo?: boolean;
  /** Use this database instead of opening one (tests share one across app instances). */
  database?: Database;
  /** @default () => new Date() */
  clock?: () => Date;
  rateLimit?: RateLimitOptions;
  /** Sign session tokens with this secret; by default one is generated once and kept in the database. */
  sessionSecret?: string;
  validateResponses?: boolean;
  /**
   * Origins whose pages may call the API (CORS), e.g. `https://intranet.example.com`.
   * @default the comma-separated OPENPRM_CORS_ORIGINS, else none (same origin only)
   */
  corsOrigins?: string[];
  /**
   * Run the time-driven rules (expiries, SLA breaches, warnings) on a timer, stopped by `close()`;
   * `false` leaves them to someone else (tests call `runDueJobs`, the CLI starts the timer after
   * seeding). Safe with many instances: each job runs on one at a time.
   * @default { intervalMs: 60_000 } when the server opens its database; `false` when given one
   * in `database`, whose owner decides when jobs may touch it.
   */
  jobs?: Pick<JobTimerOptions, 'intervalMs'> | false;
  /**
   * The `@openprm/elements` single-file bundle the demo portal loads; `false`: serve the plain
   * landing page instead.
   * @default the bundle of an `@openprm/elements` installed next to the server, if any
   */
  elementsBundle?: string | false;
  /**
   * Deliver webhooks on a timer (fan-out from the outbox, signed POSTs, retries), stopped by
   * `close()`; `false` leaves them to someone else (tests call `dispatchWebhooks`). Safe with
   * many instances: each delivery attempt is claimed by one.
   * @default { intervalMs: 1_000 } when the server opens its database; `false` when given one
   */
  webhooks?: Pick<WebhookTimerOptions, 'intervalMs'> | false;
  /** How `GET /v1/events` polls the outbox. @default { pollMs: 1000, heartbeatMs: 15000 } */
  eventStream?: Partial<EventStreamOptions>;
}

const loadSetting = async <T>(db: Database, key: string, fallback: () => T): Promise<T> => {
  // Insert-if-absent then read: every instance ends up with the same value.
  await db.query('insert into settings (key, value) values ($1, $2) on conflict (key) do nothing', [
    key,
    JSON.stringify(fallback()),
  ]);
  const [row] = await db.query<{ value: T }>('select value from settings where key = $1', [key]);
  return row?.value ?? fallback();
};

/** Opens the database, migrates it and builds the app; `close()` releases the database. */
export const createServer = async (options: ServerOptions = {}) => {
  const db = options.database ?? (await openDatabase(options));
  await migrate(db);
  const program = await loadSetting<Partial<ProgramSettings>>(db, 'program', () => DEFAULT_PROGRAM);
  const sessionSecret =
    options.sessionSecret ??
    process.env.OPENPRM_SESSION_SECRET ??
    (await loadSetting(db, 'session_secret', () => randomToken(32)));
  const demo = options.demo ?? false;
  const context: ServerContext = {
    db,
    settings: { ...DEFAULT_PROGRAM, ...program },
    clock: options.clock ?? (() => new Date()),
    demo,
    version,
    authenticator: createAuthenticator(db, { demo, sessionSecret }),
    rateLimit: createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT),
    authFailures: createAuthFailureGuard(),
    validateResponses: options.validateResponses ?? false,
    corsOrigins:
      options.corsOrigins ??
      (process.env.OPENPRM_CORS_ORIGINS ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    elementsBundle:
      options.elementsBundle === false ? null : (options.elementsBundle ?? locateElementsBundle()),
    eventStream: { ...DEFAULT_EVENT_STREAM, ...options.eventStream },
    accountTrees: createAccountTreeCache(db),
  };
  const app = createApp(context);
  const jobOptions = options.jobs ?? (options.database ? false : {});
  const jobs = jobOptions === false ? null : startJobTimer(context, jobOptions);
  const webhookOptions = options.webhooks ?? (options.database ? false : {});
  const webhooks = webhookOptions === false ? null : startWebhookTimer(context, webhookOptions);
  return {
    app,
    context,
    close: async () => {
      await jobs?.stop();
      await webhooks?.stop();
      if (!options.database) await db.close();
    },
  };
};
