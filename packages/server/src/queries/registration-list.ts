import type { Queryable } from '../db/database.js';
import type { RegistrationRow } from './registrations.js';
import { iso } from './rows.js';

/**
 * The SQL of core's queue rules (rules/registrations/sla.ts), written once here so filters, order
 * and cursors agree: `isSlaBreached` (still submitted after the due time) or the stored flag, and
 * `isOverdueForDecision` (submitted and breached, flagged or not).
 */
const BREACHED = `(sla_breached or (status = 'submitted' and decision_due_at < $1::timestamptz))`;
const QUEUE_RANK = `(case when status = 'submitted' and (sla_breached or decision_due_at < $1::timestamptz) then 0 else 1 end)`;

export type RegistrationRowWithRank = RegistrationRow & { queue_rank: number };

export interface RegistrationListFilter {
  now: Date;
  partnerId: string | null;
  accountId: string | null;
  status: string | null;
  slaBreached: boolean | null;
  /**
   * `queue`: compareQueueOrder — overdue first, then decision due time, submission time, id
   * (code-unit order, hence `collate "C"`). `newest`: latest submission first.
   */
  sort: 'queue' | 'newest';
  /** The sort key of the last row of the previous page (see `sortKeyOf`), checked by the caller. */
  after: readonly (string | number)[] | null;
  limit: number;
}

export const listRegistrationRows = (db: Queryable, filter: RegistrationListFilter) => {
  const queue = filter.sort === 'queue';
  const params: unknown[] = [
    filter.now,
    filter.partnerId,
    filter.accountId,
    filter.status,
    filter.slaBreached,
    filter.limit,
  ];
  let afterClause = '';
  if (filter.after) {
    params.push(...filter.after);
    afterClause = queue
      ? `and (${QUEUE_RANK}, decision_due_at, submitted_at, id collate "C") > ($7::int, $8::timestamptz, $9::timestamptz, $10::text collate "C")`
      : `and (submitted_at, id collate "C") < ($7::timestamptz, $8::text collate "C")`;
  }
  const order = queue
    ? `${QUEUE_RANK}, decision_due_at, submitted_at, id collate "C"`
    : `submitted_at desc, id collate "C" desc`;
  return db.query<RegistrationRowWithRank>(
    `select *, ${QUEUE_RANK} as queue_rank from registrations
     where ($2::text is null or partner_id = $2) and ($3::text is null or account_id = $3)
       and ($4::text is null or status = $4) and ($5::boolean is null or ${BREACHED} = $5)
       ${afterClause}
     order by ${order} limit $6`,
    params,
  );
};

/** The cursor of a row: its sort key, in the order `after` expects it. */
export const sortKeyOf = (row: RegistrationRowWithRank, sort: 'queue' | 'newest') =>
  sort === 'queue'
    ? [row.queue_rank, iso(row.decision_due_at), iso(row.submitted_at), row.id]
    : [iso(row.submitted_at), row.id];
