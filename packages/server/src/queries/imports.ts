import type { ImportJob, ImportRowError, ImportStatus, ImportType } from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { iso, optional } from './rows.js';

export interface ImportRow {
  id: string;
  type: ImportType;
  status: ImportStatus;
  dry_run: boolean;
  created_at: Date;
  completed_at: Date | null;
  rows_processed: number;
  rows_failed: number;
  rows_committed: number;
  errors: ImportRowError[];
  error_count: number;
}

/** The full report (as CSV) is where the JSON's first errors leave off. */
export const errorReportPath = (id: string) => `/v1/imports/${encodeURIComponent(id)}?format=csv`;

export const toImportJob = (row: ImportRow): ImportJob => ({
  id: row.id,
  type: row.type,
  status: row.status,
  dryRun: row.dry_run,
  createdAt: iso(row.created_at),
  ...optional('completedAt', row.completed_at ? iso(row.completed_at) : null),
  rowsProcessed: row.rows_processed,
  rowsFailed: row.rows_failed,
  rowsCommitted: row.rows_committed,
  errors: row.errors,
  ...optional('errorReportUrl', row.error_count > 0 ? errorReportPath(row.id) : null),
});

export const insertImport = async (
  db: Queryable,
  job: { id: string; type: ImportType; dryRun: boolean; createdBy: object; createdAt: Date },
) =>
  (
    await db.query<ImportRow>(
      `insert into imports (id, type, status, dry_run, created_by, created_at)
       values ($1, $2, 'validating', $3, $4, $5) returning *`,
      [job.id, job.type, job.dryRun, JSON.stringify(job.createdBy), job.createdAt],
    )
  )[0] as ImportRow;

export const findImport = async (db: Queryable, id: string) =>
  (await db.query<ImportRow>('select * from imports where id = $1', [id]))[0] ?? null;

export const saveImportProgress = async (
  db: Queryable,
  id: string,
  progress: { status: ImportStatus; rowsProcessed: number; rowsFailed: number },
) =>
  (
    await db.query<ImportRow>(
      `update imports set status = $2, rows_processed = $3, rows_failed = $4
       where id = $1 returning *`,
      [id, progress.status, progress.rowsProcessed, progress.rowsFailed],
    )
  )[0] ?? null;

export const finishImport = async (
  db: Queryable,
  id: string,
  outcome: {
    status: 'completed' | 'failed';
    completedAt: Date;
    rowsProcessed: number;
    rowsFailed: number;
    rowsCommitted: number;
    errors: readonly ImportRowError[];
    errorCount: number;
  },
) =>
  (
    await db.query<ImportRow>(
      `update imports set status = $2, completed_at = $3, rows_processed = $4, rows_failed = $5,
         rows_committed = $6, errors = $7, error_count = $8
       where id = $1 returning *`,
      [
        id,
        outcome.status,
        outcome.completedAt,
        outcome.rowsProcessed,
        outcome.rowsFailed,
        outcome.rowsCommitted,
        JSON.stringify(outcome.errors),
        outcome.errorCount,
      ],
    )
  )[0] as ImportRow;
