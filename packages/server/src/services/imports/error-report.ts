import type { ImportRowError } from '@openprm/core';
import { csvLine } from '../../csv/neutralise.js';

/**
 * The error report as CSV (row, column, message), for a spreadsheet: every cell is neutralised,
 * since a message may quote what the file held (`Unknown account =HYPERLINK(…)`).
 */
export const errorReportCsv = (errors: readonly ImportRowError[], errorCount: number): string => {
  const lines = [csvLine(['row', 'column', 'message'])];
  for (const error of errors) lines.push(csvLine([error.row, error.column, error.message]));
  if (errorCount > errors.length) {
    lines.push(csvLine([null, null, `${errorCount - errors.length} more errors not listed`]));
  }
  return `${lines.join('\r\n')}\r\n`;
};
