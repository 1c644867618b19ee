import type { ImportRowError, ImportType } from '@openprm/core';
import type { Queryable } from '../../db/database.js';

export type CellError = Omit<ImportRowError, 'row'>;

export type Parsed<Row> = { ok: true; row: Row } | { ok: false; errors: CellError[] };

/** A parsed row with its spreadsheet row number. */
export interface Numbered<Row> {
  row: number;
  value: Row;
}

/**
 * One pass over a file: checks across rows and against the database, batch by batch, then
 * writes the rows that passed. A pass keeps what it must remember between batches (keys seen).
 */
export interface ImportPass<Row, Ready> {
  check(
    db: Queryable,
    batch: readonly Numbered<Row>[],
  ): Promise<{
    errors: ImportRowError[];
    ready: Ready[];
  }>;
  insert(tx: Queryable, ready: readonly Ready[], now: Date): Promise<void>;
}

/** What one import type knows: its columns, how a record becomes a row, and how rows are written. */
export interface Importer<Row, Ready = Row> {
  type: ImportType;
  required: readonly string[];
  optional: readonly string[];
  /** Cells by column name; empty cells are left out. */
  parse(cells: Readonly<Record<string, string>>): Parsed<Row>;
  startPass(): ImportPass<Row, Ready>;
}

/** The schema's verdict as cell errors, one per column (the first message), skipping `already`. */
export const schemaErrors = (
  result:
    | { success: true }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } },
  already: readonly CellError[] = [],
): CellError[] => {
  if (result.success) return [];
  const seen = new Set(already.map((error) => error.column));
  const errors: CellError[] = [];
  for (const issue of result.error.issues) {
    const column = issue.path.length > 0 ? String(issue.path[0]) : null;
    if (seen.has(column)) continue;
    seen.add(column);
    const detail = issue.path.length > 1 ? ` (${issue.path.slice(1).join('.')})` : '';
    errors.push({ column, message: `${issue.message}${detail}` });
  }
  return errors;
};

/** Required columns left empty: "Required", rather than the schema's "expected string". */
export const missingCells = (
  cells: Readonly<Record<string, string>>,
  required: readonly string[],
): CellError[] =>
  required
    .filter((column) => cells[column] === undefined)
    .map((column) => ({
      column,
      message: 'Required',
    }));

/** `true`/`false` as spreadsheets write them; `null` for anything else. */
export const parseBooleanCell = (text: string): boolean | null => {
  const value = text.toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(value)) return true;
  if (['false', 'no', 'n', '0'].includes(value)) return false;
  return null;
};

/** A list cell: `a;b;c`, blanks dropped. */
export const listCell = (text: string | undefined): string[] =>
  text === undefined
    ? []
    : text
        .split(';')
        .map((item) => item.trim())
        .filter((item) => item !== '');
