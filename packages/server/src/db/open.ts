import type { Database } from './database.js';

export interface DatabaseOptions {
  /** `postgres://…`: use a PostgreSQL server. Otherwise the embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; in memory when absent. */
  dataDir?: string | undefined;
}

/** Opens PostgreSQL when a URL is given, else embedded PGlite; the same SQL runs on both. */
export const openDatabase = async (options: DatabaseOptions): Promise<Database> => {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(options.databaseUrl);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(options.dataDir);
};
