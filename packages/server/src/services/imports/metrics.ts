import { type ImportRowError, MetricRecordInput } from '@openprm/core';
import { existingPartnerIds } from '../../queries/partners.js';
import { existingAccountIds, insertMetrics, toMetricRecord } from '../../queries/scorecards.js';
import { type CellError, type Importer, missingCells, schemaErrors } from './importer.js';

const REQUIRED = ['partnerId', 'metric', 'value', 'on'] as const;

/** A number as a spreadsheet exports it; `1,234.5` keeps its thousands separators out. */
const numberCell = (text: string): number | null => {
  const value = Number(text.replace(/,/g, ''));
  return text.trim() !== '' && Number.isFinite(value) ? value : null;
};

/** Actuals as `POST /v1/metrics` records them: partner, metric key, value, day; account optional. */
export const metricsImporter: Importer<MetricRecordInput> = {
  type: 'metrics',
  required: REQUIRED,
  optional: ['accountId', 'source'],
  parse(cells) {
    const errors: CellError[] = missingCells(cells, REQUIRED);
    const value = cells.value === undefined ? undefined : numberCell(cells.value);
    if (value === null) errors.push({ column: 'value', message: 'Use a number such as 1250.50' });
    const result = MetricRecordInput.safeParse({
      partnerId: cells.partnerId,
      metric: cells.metric,
      value,
      on: cells.on,
      ...(cells.accountId === undefined ? {} : { accountId: cells.accountId }),
      ...(cells.source === undefined ? {} : { source: cells.source }),
    });
    errors.push(...schemaErrors(result, errors));
    return result.success && errors.length === 0
      ? { ok: true, row: result.data }
      : { ok: false, errors };
  },
  startPass() {
    return {
      async check(db, batch) {
        const partners = await existingPartnerIds(db, [
          ...new Set(batch.map(({ value }) => value.partnerId)),
        ]);
        const accounts = await existingAccountIds(db, [
          ...new Set(batch.flatMap(({ value }) => (value.accountId ? [value.accountId] : []))),
        ]);
        const errors: ImportRowError[] = [];
        const ready: MetricRecordInput[] = [];
        for (const { row, value } of batch) {
          const before = errors.length;
          if (!partners.has(value.partnerId)) {
            errors.push({
              row,
              column: 'partnerId',
              message: `Unknown partner ${value.partnerId}`,
            });
          }
          if (value.accountId && !accounts.has(value.accountId)) {
            errors.push({
              row,
              column: 'accountId',
              message: `Unknown account ${value.accountId}`,
            });
          }
          if (errors.length === before) ready.push(value);
        }
        return { errors, ready };
      },
      insert: (tx, ready) => insertMetrics(tx, ready.map(toMetricRecord)),
    };
  },
};
