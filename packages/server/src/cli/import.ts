/** `openprm import FILE --type …`: a CSV import with progress, a summary and the first errors. */
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type ImportJob, ImportType } from '@openprm/core';
import { migrate } from '../db/migrate.js';
import { errorReportCsv } from '../services/imports/error-report.js';
import { runImport } from '../services/imports/run-import.js';
import { createImportService } from '../services/imports/start-import.js';
import { DATABASE_ARGS, databaseTarget, withDatabase } from './database.js';
import { importRemotely } from './import-remote.js';
import { CliError, type CliIo, EXIT_FAILURE } from './io.js';
import { createProgressBar } from './progress-bar.js';

const COMMAND = 'import';
const DEFAULT_SHOWN_ERRORS = 20;

export const IMPORT_HELP = `Usage: openprm import FILE --type accounts|partners|metrics [--dry-run] [options]

Imports a CSV file (UTF-8, header row first) all or nothing: every row is validated, and only a
file without errors is written, in one transaction. Progress goes to stderr; the summary and
the first errors to stdout. Exit code 0 when the import completed, 1 when it failed.

Options:
  --type TYPE         accounts, partners or metrics (columns: see the server's README)
  --dry-run           Validate only; write nothing
  --errors N          How many errors to print (default: ${DEFAULT_SHOWN_ERRORS}); the rest are counted
  --report FILE       Also write the error report (row, column, message) as CSV to FILE
  --url URL           Send the file to a running server (POST /v1/imports) instead of the database
  --key KEY           The vendor_admin API key for --url (default: $OPENPRM_API_KEY)
  --help              Show this help

Database (without --url; PostgreSQL when a URL is given, else embedded PGlite in a directory):
  --database-url URL  PostgreSQL connection string (default: $DATABASE_URL)
  --data-dir DIR      PGlite data directory (default: $OPENPRM_DATA_DIR, else .openprm/data)

Examples:
  openprm import accounts.csv --type accounts --dry-run
  openprm import partners.csv --type partners --url http://localhost:8787 --key prm_demo_vendor`;

const positiveInteger = (text: string | undefined, fallback: number) => {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new CliError(`--errors takes a whole number (got "${text}").`, COMMAND);
  }
  return value;
};

/** The outcome in a few lines: counts, then the first errors, the rest counted. */
export const importSummary = (job: ImportJob, shown: number): string[] => {
  const run = job.dryRun ? 'Dry run' : 'Import';
  const counts = `${job.rowsProcessed.toLocaleString('en')} rows read, ${job.rowsFailed.toLocaleString('en')} with errors`;
  const lines =
    job.status === 'completed'
      ? [
          job.dryRun
            ? `${run} ${job.id} of ${job.type}: valid. ${counts}; nothing written (dry run).`
            : `${run} ${job.id} of ${job.type}: completed. ${counts}, ${job.rowsCommitted.toLocaleString('en')} written.`,
        ]
      : [`${run} ${job.id} of ${job.type}: failed. ${counts}; nothing written.`];
  if (job.errors.length === 0) return lines;
  lines.push('', 'Errors (row, column: message):');
  for (const error of job.errors.slice(0, shown)) {
    lines.push(
      `  row ${error.row}${error.column === null ? '' : `, ${error.column}`}: ${error.message}`,
    );
  }
  const rest = job.errors.length - Math.min(shown, job.errors.length);
  if (rest > 0)
    lines.push(
      `  … and ${rest.toLocaleString('en')} more listed (--errors N or --report FILE shows them)`,
    );
  return lines;
};

export const importCommand = async (args: string[], io: CliIo): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...DATABASE_ARGS,
      type: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      errors: { type: 'string' },
      report: { type: 'string' },
      url: { type: 'string' },
      key: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.out(IMPORT_HELP);
    return 0;
  }
  const [fileArg, ...extra] = positionals;
  if (fileArg === undefined) throw new CliError('Name the CSV file to import.', COMMAND);
  if (extra.length > 0)
    throw new CliError(`One file at a time (got ${positionals.length}).`, COMMAND);
  const type = ImportType.safeParse(values.type);
  if (!type.success) {
    throw new CliError(
      'Name what the file holds with --type accounts, partners or metrics.',
      COMMAND,
    );
  }
  const shown = positiveInteger(values.errors, DEFAULT_SHOWN_ERRORS);
  const base = io.env.INIT_CWD || io.cwd;
  const file = isAbsolute(fileArg) ? fileArg : resolve(base, fileArg);
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new Error('not a file');
    size = stats.size;
  } catch {
    throw new CliError(`Cannot read "${fileArg}": no such file.`, COMMAND);
  }
  const bar = createProgressBar(io, size);
  const dryRun = values['dry-run'];
  let job: ImportJob;
  try {
    if (values.url !== undefined) {
      const key = values.key ?? io.env.OPENPRM_API_KEY;
      if (!key)
        throw new CliError('--url needs a vendor_admin key: --key or $OPENPRM_API_KEY.', COMMAND);
      job = await importRemotely(
        { url: values.url, key, file, type: type.data, dryRun },
        bar.update,
      );
    } else {
      if (values.key !== undefined) throw new CliError('--key goes with --url.', COMMAND);
      const target = databaseTarget(values, io, COMMAND);
      job = await withDatabase(target, async (db) => {
        await migrate(db);
        const created = await db.transaction((tx) =>
          createImportService(tx, null, { type: type.data, dryRun }, new Date()),
        );
        return runImport(db, created, () => createReadStream(file), {
          clock: () => new Date(),
          onProgress: (p) =>
            bar.update({ phase: p.status, rows: p.rowsProcessed, bytes: p.bytesRead }),
        });
      });
    }
  } finally {
    bar.done();
  }
  if (values.report !== undefined && job.errors.length > 0) {
    const report = isAbsolute(values.report) ? values.report : resolve(base, values.report);
    writeFileSync(report, errorReportCsv(job.errors, job.errors.length));
    io.err(`Error report written to ${report}`);
  }
  for (const line of importSummary(job, shown)) io.out(line);
  return job.status === 'completed' ? 0 : EXIT_FAILURE;
};
