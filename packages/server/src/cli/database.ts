/**
 * Which database a command uses, from its options and the environment, opened with messages a
 * person can act on when it cannot be reached.
 */
import { mkdirSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import { CliError, type CliIo } from './io.js';

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };

/** The parseArgs options every database-using command takes. */
export const DATABASE_ARGS = {
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

/**
 * Relative paths start where the user typed the command: npm and npx record it in INIT_CWD
 * (`npm start` at the repository root runs the server inside packages/server).
 */
const baseDir = (io: CliIo) => io.env.INIT_CWD || io.cwd;

export const databaseTarget = (
  values: { 'database-url'?: string | undefined; 'data-dir'?: string | undefined },
  io: CliIo,
  command: string,
): DatabaseTarget => {
  if (values['database-url'] !== undefined && values['data-dir'] !== undefined) {
    throw new CliError('Give either --database-url or --data-dir, not both.', command);
  }
  const url = values['database-url'] ?? (values['data-dir'] ? undefined : io.env.DATABASE_URL);
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new CliError(
        `The database URL must start with postgres:// or postgresql:// (got "${redactUrl(url)}").`,
        command,
      );
    }
    return { kind: 'postgres', url };
  }
  const dir = values['data-dir'] ?? io.env.OPENPRM_DATA_DIR ?? '.openprm/data';
  if (dir.trim() === '') throw new CliError('The data directory must not be empty.', command);
  return { kind: 'pglite', dir: isAbsolute(dir) ? dir : resolve(baseDir(io), dir) };
};

/** The URL without its password, fit for a terminal or a log. */
export const redactUrl = (url: string) => {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
};

export const describeTarget = (target: DatabaseTarget) =>
  target.kind === 'postgres' ? `PostgreSQL at ${redactUrl(target.url)}` : `PGlite in ${target.dir}`;

export const openTarget = async (target: DatabaseTarget): Promise<Database> => {
  try {
    if (target.kind === 'postgres') return await openDatabase({ databaseUrl: target.url });
    mkdirSync(target.dir, { recursive: true });
    return await openDatabase({ dataDir: target.dir });
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new CliError(`Cannot open the database (${describeTarget(target)}): ${reason}`);
  }
};

/** Runs `work` on the opened database and always closes it. */
export const withDatabase = async <T>(
  target: DatabaseTarget,
  work: (db: Database) => Promise<T>,
): Promise<T> => {
  const db = await openTarget(target);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
};
