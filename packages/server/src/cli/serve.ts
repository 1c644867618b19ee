/**
 * `openprm serve`: migrate, seed the demo data once (demo mode), start the time-driven jobs and
 * listen; print where to go and, in demo mode, the keys. SIGINT/SIGTERM close the HTTP server,
 * the jobs and the database, in that order, so no request or job is cut off half-way.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { type ServerType, serve } from '@hono/node-server';
import type { Database } from '../db/database.js';
import { type SeedDemoResult, seedDemo } from '../demo/seed.js';
import { startJobTimer } from '../jobs/index.js';
import { createServer } from '../server.js';
import { startWebhookTimer } from '../webhooks/index.js';
import { serveBanner } from './banner.js';
import { DATABASE_ARGS, databaseTarget, openTarget } from './database.js';
import { HELP } from './help.js';
import { CliError, type CliIo } from './io.js';

export interface RunningServer {
  url: string;
  /** Stops listening, lets the jobs finish and closes the database; safe to call twice. */
  close(): Promise<void>;
  /** Settles once `close()` has finished. */
  closed: Promise<void>;
}

const parsePort = (text: string) => {
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new CliError(`Invalid port "${text}": use a whole number from 0 to 65535.`, 'serve');
  }
  return port;
};

const listen = (
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  hostname: string,
) =>
  new Promise<ServerType>((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new CliError(
            `Port ${port} on ${hostname} is in use: stop what runs there or pick another with --port or PORT.`,
            'serve',
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new CliError(
            `Not allowed to listen on port ${port}: pick one above 1023 with --port or PORT.`,
            'serve',
          ),
        );
      } else reject(error);
    });
  });

/** Starts the server and returns once it listens; `null` when only help was asked for. */
export const startServe = async (args: string[], io: CliIo): Promise<RunningServer | null> => {
  const { values } = parseArgs({
    args,
    options: {
      ...DATABASE_ARGS,
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    io.out(HELP.serve);
    return null;
  }
  const port = parsePort(values.port ?? io.env.PORT ?? '8787');
  const target = databaseTarget(values, io, 'serve');
  const db: Database = await openTarget(target);
  let seeded: SeedDemoResult | null = null;
  let server: Awaited<ReturnType<typeof createServer>>;
  let http: ServerType;
  try {
    // The jobs start only after the demo data is in, so their first run sees a finished world.
    server = await createServer({ database: db, demo: values.demo, jobs: false });
    if (values.demo) seeded = await seedDemo(db, { settings: server.context.settings });
    http = await listen(server.app.fetch, port, values.host);
  } catch (error) {
    await db.close();
    throw error;
  }
  const jobs = startJobTimer(server.context);
  const webhooks = startWebhookTimer(server.context);
  const address = http.address() as AddressInfo;
  const url = `http://${['127.0.0.1', '0.0.0.0', '::'].includes(values.host) ? 'localhost' : values.host}:${address.port}`;
  io.out(serveBanner({ url, target, demo: values.demo, seeded, host: values.host }));

  let closing: Promise<void> | null = null;
  let settle: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        // Idle keep-alive connections would hold `close` open for seconds.
        if ('closeIdleConnections' in http) http.closeIdleConnections();
      });
      await jobs.stop();
      await webhooks.stop();
      await db.close();
      settle();
    })();
    return closing;
  };
  return { url, close, closed };
};

/** `openprm serve`: runs until SIGINT or SIGTERM, then shuts down cleanly. */
export const serveCommand = async (args: string[], io: CliIo): Promise<number> => {
  const running = await startServe(args, io);
  if (!running) return 0;
  const signals = io.signals ?? process;
  const stop = () => {
    io.err('Shutting down…');
    void running.close();
  };
  signals.once('SIGINT', stop);
  signals.once('SIGTERM', stop);
  await running.closed;
  signals.off('SIGINT', stop);
  signals.off('SIGTERM', stop);
  io.err('Stopped.');
  return 0;
};
