import { notFound } from '../http/problem.js';
import type { Handlers } from '../http/router.js';
import { findImport, toImportJob } from '../queries/imports.js';
import { textSource } from '../services/imports/csv-records.js';
import { errorReportCsv } from '../services/imports/error-report.js';
import { createImportService, processInBackground } from '../services/imports/start-import.js';

export const importHandlers = {
  'imports.create': async ({ tx, principal, query, body, now, context }) => {
    const job = await createImportService(tx, principal, query, now);
    processInBackground(context, job, textSource(body));
    return job;
  },
  'imports.get': async ({ tx, params, request }) => {
    const row = await findImport(tx, params.id);
    if (!row) throw notFound(`Import ${params.id}`);
    if (new URL(request.url).searchParams.get('format') !== 'csv') return toImportJob(row);
    return new Response(errorReportCsv(row.errors, row.error_count), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${row.id}-errors.csv"`,
      },
    });
  },
} satisfies Handlers;
