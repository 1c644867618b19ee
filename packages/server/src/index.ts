export { createApp, DEMO_KEYS } from './app.js';
export type { ServerContext } from './context.js';
export type { Database, Queryable } from './db/database.js';
export { migrate } from './db/migrate.js';
export { openDatabase } from './db/open.js';
export { type SeedDemoOptions, seedDemo } from './demo/seed.js';
export { runDueJobs, startJobTimer } from './jobs/index.js';
export { createServer, type ServerOptions } from './server.js';
export { dispatchWebhooks, startWebhookTimer } from './webhooks/index.js';
