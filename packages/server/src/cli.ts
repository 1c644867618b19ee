#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { DEMO_KEYS } from './app.js';
import { createServer } from './server.js';
import { version } from './version.js';

const HELP = `openprm — the OpenPRM reference server

Usage: openprm <command> [options]

Commands:
  serve      Start the HTTP server

Run "openprm <command> --help" for the options of a command.`;

const SERVE_HELP = `Usage: openprm serve [--port N] [--demo]

Options:
  --port N   Port to listen on (default: $PORT or 8787)
  --demo     Demo mode: accept the documented demo keys (never in production)
  --help     Show this help`;

const serveCommand = async (args: string[]) => {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(SERVE_HELP);
  const port = Number(values.port ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(
      `Invalid port "${values.port ?? process.env.PORT}": use a number from 0 to 65535.`,
    );
    process.exit(2);
  }
  const { app } = await createServer({
    demo: values.demo,
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.OPENPRM_DATA_DIR ?? '.openprm/data',
  });
  serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
    const url = `http://localhost:${info.port}`;
    console.log(`OpenPRM ${version} listening on ${url}`);
    console.log(`  demo portal   ${url}/`);
    console.log(`  API reference ${url}/docs`);
    if (values.demo) console.log(`  demo keys     ${DEMO_KEYS.join(', ')}`);
  });
};

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'serve') await serveCommand(rest);
  else if (command === undefined || command === '--help' || command === 'help') console.log(HELP);
  else {
    console.error(`Unknown command "${command}".\n\n${HELP}`);
    process.exit(2);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
