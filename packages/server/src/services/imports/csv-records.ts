import { Readable } from 'node:stream';
import { parse } from 'csv-parse';

/** A CSV file's chunks; opened once per pass, so a file can be read twice without holding it. */
export type CsvSource = () => AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** A file that is no CSV (an unclosed quote, a runaway field): the rows after it cannot be read. */
export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';
  constructor(
    message: string,
    /** The spreadsheet row at which reading stopped. */
    readonly row: number,
  ) {
    super(message);
  }
}

/** Text split into slices, so the parser's back-pressure holds even for a body already in memory. */
export const textSource =
  (text: string, sliceLength = 64 * 1024): CsvSource =>
  () =>
    (function* slices() {
      for (let start = 0; start < text.length; ) {
        let end = Math.min(text.length, start + sliceLength);
        // Never split a surrogate pair: each slice is encoded to UTF-8 on its own.
        const last = text.charCodeAt(end - 1);
        if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
        yield text.slice(start, end);
        start = end;
      }
    })();

const byteLength = (chunk: Uint8Array | string) =>
  typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;

/**
 * The records of a CSV file, one at a time, with their spreadsheet row numbers (the header is
 * row 1). Records are pulled from the parser as they are consumed: never the whole file at once.
 */
export async function* csvRecords(
  source: CsvSource,
  onBytes: (bytesRead: number) => void = () => undefined,
): AsyncGenerator<{ row: number; cells: string[] }> {
  let bytesRead = 0;
  const counted = async function* () {
    for await (const chunk of source()) {
      bytesRead += byteLength(chunk);
      onBytes(bytesRead);
      yield chunk;
    }
  };
  const input = Readable.from(counted(), { objectMode: false });
  const parser = parse({
    bom: true,
    trim: true,
    relax_column_count: true,
    skip_empty_lines: false,
    // Files pasted together mix line endings; the parser would otherwise keep the first it saw.
    record_delimiter: ['\r\n', '\n'],
    // A missing closing quote would otherwise swallow the rest of the file into one field.
    max_record_size: 1024 * 1024,
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells };
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_')) {
      // The parser knows the line; the records it read before failing may never reach us.
      const line = 'lines' in error && typeof error.lines === 'number' ? error.lines : row + 1;
      throw new CsvFormatError(`The file is not valid CSV: ${error.message}`, Math.max(1, line));
    }
    throw error;
  } finally {
    input.destroy();
    parser.destroy();
  }
}
