import type { ImportJob, ImportQuery } from '@openprm/core';
import type { ServerContext } from '../../context.js';
import { newId } from '../../crypto.js';
import type { Queryable } from '../../db/database.js';
import { actorOf, type Principal } from '../../http/principal.js';
import { findImport, insertImport, toImportJob } from '../../queries/imports.js';
import type { CsvSource } from './csv-records.js';
import { failImport, runImport } from './run-import.js';

// The request's transaction holds this lock until the job's row is committed; the background
// run takes it first, so it never starts on a row that is not there yet (or was rolled back).
const jobLock = (tx: Queryable, id: string) =>
  tx.query('select pg_advisory_xact_lock(hashtext($1))', [`import:${id}`]);

/** Records a new import (status `validating`) in the request's transaction. */
export const createImportService = async (
  tx: Queryable,
  principal: Principal | null,
  query: ImportQuery,
  now: Date,
): Promise<ImportJob> => {
  const id = newId('imp');
  await jobLock(tx, id);
  const row = await insertImport(tx, {
    id,
    type: query.type,
    dryRun: query.dryRun ?? false,
    createdBy: principal ? actorOf(principal) : { type: 'system', id: 'cli' },
    createdAt: now,
  });
  return toImportJob(row);
};

/**
 * Processes the import after the response: `GET /v1/imports/{id}` tells its progress. A fault
 * marks the job failed (nothing was committed: the rows' transaction rolled back).
 */
export const processInBackground = (context: ServerContext, job: ImportJob, source: CsvSource) => {
  const run = async () => {
    await context.db.transaction((tx) => jobLock(tx, job.id));
    if (!(await findImport(context.db, job.id))) return;
    try {
      await runImport(context.db, job, source, { clock: context.clock });
    } catch (error) {
      // The stack only: database errors carry the rows' values (user data) as properties.
      console.error(
        `Import ${job.id} failed:`,
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      );
      await failImport(context.db, job, context.clock());
    }
  };
  run().catch((error: unknown) => {
    console.error(`Import ${job.id} could not be marked failed:`, String(error));
  });
};
