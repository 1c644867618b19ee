import type { ImportRowError } from '@openprm/core';
import type { Queryable } from '../../db/database.js';
import { CsvFormatError, type CsvSource, csvRecords } from './csv-records.js';
import type { Importer, Numbered } from './importer.js';

/** Rows checked and written together: one multi-row INSERT each. */
export const BATCH_SIZE = 500;
/** The report keeps the first errors; the rest are counted. */
export const MAX_REPORTED_ERRORS = 1000;

export interface PassProgress {
  rowsProcessed: number;
  rowsFailed: number;
  bytesRead: number;
}

export interface PassResult extends PassProgress {
  /** The first errors, by row. */
  errors: ImportRowError[];
  errorCount: number;
  rowsWritten: number;
}

/** The header row: known column names (any case) in any order, the required ones present. */
const readHeader = (
  cells: readonly string[],
  importer: Pick<Importer<unknown>, 'required' | 'optional' | 'type'>,
): { columns: (string | null)[]; errors: ImportRowError[] } => {
  const known = new Map(
    [...importer.required, ...importer.optional].map((name) => [name.toLowerCase(), name]),
  );
  const errors: ImportRowError[] = [];
  const columns = cells.map((cell) => {
    const name = known.get(cell.toLowerCase()) ?? null;
    if (name === null) {
      errors.push({
        row: 1,
        column: cell,
        message: `Unknown column for ${importer.type}: use ${[...known.values()].join(', ')}`,
      });
    }
    return name;
  });
  const seen = new Set<string>();
  for (const name of columns) {
    if (name === null) continue;
    if (seen.has(name)) errors.push({ row: 1, column: name, message: 'Column given twice' });
    seen.add(name);
  }
  for (const name of importer.required) {
    if (!seen.has(name)) errors.push({ row: 1, column: name, message: 'Required column missing' });
  }
  return { columns, errors };
};

/**
 * Reads a file once: every record is parsed and checked; with `write`, the rows that pass are
 * inserted batch by batch into `db` (the caller's transaction) until the first error. Memory
 * stays flat: one batch of rows and the importer's per-file keys, never the file's rows.
 */
export const runPass = async <Row, Ready>(
  importer: Importer<Row, Ready>,
  source: CsvSource,
  db: Queryable,
  options: {
    write: boolean;
    now: Date;
    onProgress?: (progress: PassProgress) => Promise<void> | void;
  },
): Promise<PassResult> => {
  const pass = importer.startPass();
  const result: PassResult = {
    rowsProcessed: 0,
    rowsFailed: 0,
    bytesRead: 0,
    errors: [],
    errorCount: 0,
    rowsWritten: 0,
  };
  const failedRows = new Set<number>();
  const report = (errors: readonly ImportRowError[]) => {
    for (const error of errors) {
      result.errorCount += 1;
      if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push(error);
      // Rows failed since the last batch (a row may have several errors): counted at each flush.
      failedRows.add(error.row);
    }
  };
  let batch: Numbered<Row>[] = [];
  const flush = async () => {
    const { errors, ready } =
      batch.length === 0 ? { errors: [], ready: [] } : await pass.check(db, batch);
    report(errors);
    result.rowsFailed += failedRows.size;
    failedRows.clear();
    if (options.write && result.errorCount === 0 && ready.length > 0) {
      await pass.insert(db, ready, options.now);
      result.rowsWritten += ready.length;
    }
    batch = [];
    await options.onProgress?.({
      rowsProcessed: result.rowsProcessed,
      rowsFailed: result.rowsFailed,
      bytesRead: result.bytesRead,
    });
  };

  let columns: (string | null)[] | null = null;
  try {
    for await (const record of csvRecords(source, (bytes) => {
      result.bytesRead = bytes;
    })) {
      if (columns === null) {
        const header = readHeader(record.cells, importer);
        if (header.errors.length > 0) {
          report(header.errors);
          failedRows.clear();
          break;
        }
        columns = header.columns;
        continue;
      }
      // Blank lines (every cell empty) are no rows; their numbers still count, as in a spreadsheet.
      if (record.cells.every((cell) => cell === '')) continue;
      result.rowsProcessed += 1;
      if (record.cells.length !== columns.length) {
        report([
          {
            row: record.row,
            column: null,
            message: `Expected ${columns.length} cells as in the header, found ${record.cells.length}`,
          },
        ]);
      } else {
        const cells: Record<string, string> = {};
        columns.forEach((name, index) => {
          const text = record.cells[index] ?? '';
          if (name !== null && text !== '') cells[name] = text;
        });
        const parsed = importer.parse(cells);
        if (parsed.ok) batch.push({ row: record.row, value: parsed.row });
        else report(parsed.errors.map((error) => ({ row: record.row, ...error })));
      }
      if (batch.length >= BATCH_SIZE) await flush();
    }
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    report([{ row: error.row, column: null, message: error.message }]);
  }
  if (columns === null && result.errorCount === 0) {
    report([{ row: 1, column: null, message: 'The file is empty: a header row is required' }]);
  }
  await flush();
  result.errors.sort((a, b) => a.row - b.row);
  return result;
};
