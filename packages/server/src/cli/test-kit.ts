/** In-process CLI runs for tests: captured output, and a database the command can open itself. */

import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { openPglite } from '../db/pglite.js';
import type { DatabaseHandle } from '../test-support/databases.js';
import type { CliIo } from './io.js';

export interface CapturedIo {
  io: CliIo;
  out: string[];
  err: string[];
  /** Everything written to stdout, joined. */
  stdout(): string;
  stderr(): string;
  /** Sends a signal to a running `serve`. */
  signal(name: 'SIGINT' | 'SIGTERM'): void;
}

export const captureIo = (env: Record<string, string | undefined> = {}): CapturedIo => {
  const out: string[] = [];
  const err: string[] = [];
  const signals = new EventEmitter();
  return {
    io: {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      // Nothing from the real environment leaks in: a developer's DATABASE_URL must not matter.
      env: { ...env },
      cwd: tmpdir(),
      signals,
    },
    out,
    err,
    stdout: () => out.join('\n'),
    stderr: () => err.join('\n'),
    signal: (name) => signals.emit(name),
  };
};

/**
 * The database options that point a command at the handle's database: PostgreSQL by URL (the
 * handle's own schema), PGlite by a fresh temporary directory. `open()` opens it for checks
 * while no command holds it (PGlite allows one process at a time per directory).
 */
export const cliDatabase = (handle: DatabaseHandle) => {
  if (handle.kind === 'postgres') {
    const url = handle.url() as string;
    return {
      args: ['--database-url', url],
      open: async () => handle.db(),
      release: async (_db: Database) => undefined,
      cleanup: () => undefined,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'openprm-cli-'));
  return {
    args: ['--data-dir', dir],
    open: () => openPglite(dir),
    release: (db: Database) => db.close(),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
};
