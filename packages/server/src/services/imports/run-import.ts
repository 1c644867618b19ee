import type { ImportJob, ImportStatus, ImportType } from '@openprm/core';
import type { Database, Queryable } from '../../db/database.js';
import { finishImport, saveImportProgress, toImportJob } from '../../queries/imports.js';
import { recordEvent } from '../outbox.js';
import { accountsImporter } from './accounts.js';
import type { CsvSource } from './csv-records.js';
import type { Importer } from './importer.js';
import { metricsImporter } from './metrics.js';
import { partnersImporter } from './partners.js';
import { type PassProgress, type PassResult, runPass } from './run-pass.js';

const IMPORTERS: Record<ImportType, Importer<unknown, unknown>> = {
  accounts: accountsImporter as Importer<unknown, unknown>,
  partners: partnersImporter as Importer<unknown, unknown>,
  metrics: metricsImporter as Importer<unknown, unknown>,
};

/** The job's row and an `import.progress` event are written every this many rows. */
export const PROGRESS_EVERY_ROWS = 5000;

export interface ImportProgress extends PassProgress {
  status: ImportStatus;
}

interface ImportRun {
  id: string;
  type: ImportType;
  dryRun: boolean;
}

/** The whole of a pass, the way the job's row and events tell it. */
const summary = (job: ImportRun, status: ImportStatus, result: PassProgress, committed = 0) => ({
  importId: job.id,
  type: job.type,
  dryRun: job.dryRun,
  status,
  rowsProcessed: result.rowsProcessed,
  rowsFailed: result.rowsFailed,
  rowsCommitted: committed,
});

const saveProgress = (db: Database, job: ImportRun, progress: ImportProgress, now: Date) =>
  db.transaction(async (tx) => {
    await saveImportProgress(tx, job.id, progress);
    await recordEvent(tx, {
      type: 'import.progress',
      at: now,
      partnerId: null,
      subject: { type: 'import', id: job.id },
      data: summary(job, progress.status, progress),
    });
  });

/** Marks the job completed or failed and tells the outbox, in the caller's transaction. */
const finish = async (
  tx: Queryable,
  job: ImportRun,
  result: PassResult,
  status: 'completed' | 'failed',
  now: Date,
): Promise<ImportJob> => {
  const committed = status === 'completed' ? result.rowsWritten : 0;
  const row = await finishImport(tx, job.id, {
    status,
    completedAt: now,
    rowsProcessed: result.rowsProcessed,
    rowsFailed: result.rowsFailed,
    rowsCommitted: committed,
    errors: result.errors,
    errorCount: result.errorCount,
  });
  await recordEvent(tx, {
    type: status === 'completed' ? 'import.completed' : 'import.failed',
    at: now,
    partnerId: null,
    subject: { type: 'import', id: job.id },
    data: { ...summary(job, status, result, committed), errorCount: result.errorCount },
  });
  return toImportJob(row);
};

/** Rows that passed validation but not the commit (the data changed in between). */
class CommitRefused extends Error {
  constructor(readonly result: PassResult) {
    super('The import was refused while committing.');
  }
}

/**
 * Runs an import whose job row exists. Pass one validates every row (status `validating`, with
 * progress) and writes nothing. Unless that found errors or this is a dry run, pass two reads
 * the file again and inserts it batch by batch in ONE transaction (status `committing`),
 * re-checking each row: any error rolls every row back. The job's final state commits with the
 * rows, so it never says "completed" for rows that are not there.
 */
export const runImport = async (
  db: Database,
  job: ImportRun,
  source: CsvSource,
  options: { clock: () => Date; onProgress?: (progress: ImportProgress) => void },
): Promise<ImportJob> => {
  const importer = IMPORTERS[job.type];
  let savedAt = 0;
  const validated = await runPass(importer, source, db, {
    write: false,
    now: options.clock(),
    onProgress: async (progress) => {
      options.onProgress?.({ status: 'validating', ...progress });
      if (progress.rowsProcessed - savedAt < PROGRESS_EVERY_ROWS) return;
      savedAt = progress.rowsProcessed;
      await saveProgress(db, job, { status: 'validating', ...progress }, options.clock());
    },
  });
  if (validated.errorCount > 0 || job.dryRun) {
    const status = validated.errorCount > 0 ? 'failed' : 'completed';
    return db.transaction((tx) => finish(tx, job, validated, status, options.clock()));
  }
  await saveProgress(db, job, { status: 'committing', ...validated }, options.clock());
  try {
    return await db.transaction(async (tx) => {
      const committed = await runPass(importer, source, tx, {
        write: true,
        now: options.clock(),
        onProgress: (progress) => options.onProgress?.({ status: 'committing', ...progress }),
      });
      if (committed.errorCount > 0) throw new CommitRefused(committed);
      return finish(tx, job, committed, 'completed', options.clock());
    });
  } catch (error) {
    if (!(error instanceof CommitRefused)) throw error;
    return db.transaction((tx) => finish(tx, job, error.result, 'failed', options.clock()));
  }
};

/** An import that stopped on a fault of ours: failed, nothing committed, the reason kept vague. */
export const failImport = (db: Database, job: ImportRun, now: Date) =>
  db.transaction((tx) =>
    finish(
      tx,
      job,
      {
        rowsProcessed: 0,
        rowsFailed: 0,
        bytesRead: 0,
        rowsWritten: 0,
        errorCount: 1,
        errors: [
          {
            row: 1,
            column: null,
            message: 'The import stopped on a server error; nothing was committed. Try again.',
          },
        ],
      },
      'failed',
      now,
    ),
  );
