/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return
 * before one) as a formula: a CSV we write could then run what an importer typed into a file.
 * A leading `'` makes such a cell plain text (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutraliseCell = (value: string): string =>
  FORMULA_START.test(value) ? `'${value}` : value;

/** One CSV line (RFC 4180 quoting), every cell neutralised first. */
export const csvLine = (cells: readonly (string | number | null)[]): string =>
  cells
    .map((cell) => {
      const text = neutraliseCell(cell === null ? '' : String(cell));
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
