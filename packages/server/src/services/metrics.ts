import type { FieldError, RecordMetricsInput } from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { invalid } from '../http/problem.js';
import { existingPartnerIds } from '../queries/partners.js';
import {
  existingAccountIds,
  insertMetrics,
  type NewMetricRecord,
  toMetricRecord,
} from '../queries/scorecards.js';
import { recordEvent } from './outbox.js';

/**
 * Rows naming a partner or account that does not exist. These are 400s, not 404s: the unknown
 * id sits inside the body (no path resource is missing), and an importer needs every bad row
 * pointed at in one answer to fix its file.
 */
const unknownReferences = async (tx: Queryable, records: RecordMetricsInput['records']) => {
  const partners = await existingPartnerIds(tx, [...new Set(records.map((r) => r.partnerId))]);
  const accountIds = records.flatMap((r) => (r.accountId ? [r.accountId] : []));
  const accounts = await existingAccountIds(tx, [...new Set(accountIds)]);
  return records.flatMap((record, index): FieldError[] => [
    ...(partners.has(record.partnerId)
      ? []
      : [{ path: `records.${index}.partnerId`, message: `Unknown partner ${record.partnerId}` }]),
    ...(record.accountId && !accounts.has(record.accountId)
      ? [{ path: `records.${index}.accountId`, message: `Unknown account ${record.accountId}` }]
      : []),
  ]);
};

/**
 * Records a batch of actuals, all or nothing: every row is checked before any is written, and
 * the rows land in one statement. One `metrics.recorded` event per partner, so a partner's event
 * stream never shows another partner's numbers.
 */
export const recordMetricsService = async (
  tx: Queryable,
  input: RecordMetricsInput,
  now: Date,
): Promise<{ recorded: number }> => {
  const errors = await unknownReferences(tx, input.records);
  if (errors.length > 0) {
    throw invalid(errors, `${errors.length} of the records name unknown partners or accounts.`);
  }
  const records = input.records.map(toMetricRecord);
  await insertMetrics(tx, records);
  const byPartner = new Map<string, NewMetricRecord[]>();
  for (const record of records) {
    const own = byPartner.get(record.partnerId);
    if (own) own.push(record);
    else byPartner.set(record.partnerId, [record]);
  }
  for (const [partnerId, own] of byPartner) {
    const days = own.map((r) => r.on).sort();
    await recordEvent(tx, {
      type: 'metrics.recorded',
      at: now,
      partnerId,
      subject: { type: 'partner', id: partnerId },
      data: {
        partnerId,
        recorded: own.length,
        metrics: [...new Set(own.map((r) => r.metric))].sort(),
        from: days[0],
        to: days.at(-1),
      },
    });
  }
  return { recorded: records.length };
};
