import type { ProgramSettings } from '@openprm/core';
import type { Database } from './db/database.js';
import type { Authenticator } from './http/auth.js';
import type { AuthFailureGuard } from './http/auth-failures.js';
import type { RateLimitVerdict } from './http/rate-limit.js';
import type { AccountTreeCache } from './services/account-trees.js';
import type { EventStreamOptions } from './services/event-stream.js';

/** What every request handler may use; built once per app instance. */
export interface ServerContext {
  db: Database;
  settings: ProgramSettings;
  /** The clock: rules get `now` from here, so tests can move time. */
  clock: () => Date;
  demo: boolean;
  version: string;
  authenticator: Authenticator;
  rateLimit: (caller: string, nowMs: number) => RateLimitVerdict;
  /** Refuses an address after too many failed authentications. */
  authFailures: AuthFailureGuard;
  /** Check every answer against the contract's response schema (tests turn this on). */
  validateResponses: boolean;
  /** Origins allowed to call the API from a browser (CORS); empty: same origin only. */
  corsOrigins: readonly string[];
  /** The web components' single-file bundle the demo portal loads, when installed. */
  elementsBundle: string | null;
  eventStream: EventStreamOptions;
  /** Account trees for the reservation check, revalidated against the database on every use. */
  accountTrees: AccountTreeCache;
}
