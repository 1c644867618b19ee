import * as z from 'zod/mini';
import { Id, QueryBoolean, Timestamp } from './common.js';

export const ImportType = z.enum(['accounts', 'partners', 'metrics']);
export type ImportType = z.infer<typeof ImportType>;

export const ImportStatus = z.enum(['validating', 'committing', 'completed', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const ImportRowError = z.object({
  row: z.number().check(z.int(), z.gte(1)),
  column: z.nullable(z.string()),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

/** `POST /v1/imports` (CSV body) and `GET /v1/imports/{id}`. */
export const ImportJob = z.object({
  id: Id,
  type: ImportType,
  status: ImportStatus,
  dryRun: z.boolean(),
  createdAt: Timestamp,
  completedAt: z.optional(Timestamp),
  rowsProcessed: z.number().check(z.int(), z.gte(0)),
  rowsFailed: z.number().check(z.int(), z.gte(0)),
  rowsCommitted: z.number().check(z.int(), z.gte(0)),
  /** The first errors; the full report is at `errorReportUrl`. */
  errors: z.array(ImportRowError),
  errorReportUrl: z.optional(z.string()),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportQuery = z.object({ type: ImportType, dryRun: z.optional(QueryBoolean) });
export type ImportQuery = z.infer<typeof ImportQuery>;
