import type {
  MetricFact,
  MetricKey,
  MetricRecordInput,
  Objective,
  Target,
  TargetFact,
} from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { iso, num, optional } from './rows.js';

/** Objectives, targets and metric records: the facts the traffic-light board is built from. */

export interface ObjectiveRow {
  id: string;
  name: string;
  metric: Objective['metric'];
  period_from: string;
  period_to: string;
  direction: Objective['direction'];
  thresholds: Objective['thresholds'];
  unit: string | null;
  default_target: string | number | null;
  created_at: Date;
}

// Dates leave the database as text: a calendar day has no time zone to shift (PGlite and pg alike).
const OBJECTIVE_COLUMNS = `id, name, metric, period_from::text as period_from, period_to::text as period_to,
  direction, thresholds, unit, default_target, created_at`;

export const toObjective = (row: ObjectiveRow): Objective => ({
  id: row.id,
  name: row.name,
  metric: row.metric,
  period: { from: row.period_from, to: row.period_to },
  direction: row.direction,
  thresholds: row.thresholds,
  ...optional('unit', row.unit),
  ...optional('defaultTarget', row.default_target === null ? null : num(row.default_target)),
  createdAt: iso(row.created_at),
});

/** In calendar order: by the start of the period, then the end, then by name. */
export const listObjectiveRows = (db: Queryable) =>
  db.query<ObjectiveRow>(
    `select ${OBJECTIVE_COLUMNS} from objectives order by period_from, period_to, name, id`,
  );

export const insertObjective = async (db: Queryable, objective: Objective) =>
  (
    await db.query<ObjectiveRow>(
      `insert into objectives (id, name, metric, period_from, period_to, direction, thresholds, unit, default_target, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning ${OBJECTIVE_COLUMNS}`,
      [
        objective.id,
        objective.name,
        objective.metric,
        objective.period.from,
        objective.period.to,
        objective.direction,
        JSON.stringify(objective.thresholds),
        objective.unit ?? null,
        objective.defaultTarget ?? null,
        objective.createdAt,
      ],
    )
  )[0] as ObjectiveRow;

export const existingObjectiveIds = async (db: Queryable, ids: readonly string[]) =>
  new Set(
    (
      await db.query<{ id: string }>('select id from objectives where id = any($1::text[])', [ids])
    ).map((row) => row.id),
  );

export const existingAccountIds = async (db: Queryable, ids: readonly string[]) =>
  new Set(
    (
      await db.query<{ id: string }>('select id from accounts where id = any($1::text[])', [ids])
    ).map((row) => row.id),
  );

interface TargetRow {
  objective_id: string;
  partner_id: string;
  account_id: string;
  value: string | number;
}

/** The table keys a partner-level target by account `''` (part of the primary key); JSON says null. */
const PARTNER_LEVEL = '';

const toTarget = (row: TargetRow): Target => ({
  objectiveId: row.objective_id,
  partnerId: row.partner_id,
  accountId: row.account_id === PARTNER_LEVEL ? null : row.account_id,
  value: num(row.value),
});

/** Replaces a partner's targets of the named objectives (every account level of them) with `targets`. */
export const replaceTargets = async (
  db: Queryable,
  partnerId: string,
  objectiveIds: readonly string[],
  targets: readonly { objectiveId: string; accountId: string | null; value: number }[],
) => {
  await db.query('delete from targets where partner_id = $1 and objective_id = any($2::text[])', [
    partnerId,
    objectiveIds,
  ]);
  await db.query(
    `insert into targets (objective_id, partner_id, account_id, value)
     select t.objective_id, $1, t.account_id, t.value
     from unnest($2::text[], $3::text[], $4::numeric[]) as t (objective_id, account_id, value)`,
    [
      partnerId,
      targets.map((t) => t.objectiveId),
      targets.map((t) => t.accountId ?? PARTNER_LEVEL),
      targets.map((t) => t.value),
    ],
  );
};

export const targetsOfPartner = async (db: Queryable, partnerId: string) =>
  (
    await db.query<TargetRow>(
      'select * from targets where partner_id = $1 order by objective_id, account_id',
      [partnerId],
    )
  ).map(toTarget);

/** Partner-level targets of the objectives, for every partner or one. */
export const partnerLevelTargets = async (
  db: Queryable,
  objectiveIds: readonly string[],
  partnerId: string | null,
): Promise<TargetFact[]> =>
  (
    await db.query<TargetRow>(
      `select * from targets
       where objective_id = any($1::text[]) and account_id = '' and ($2::text is null or partner_id = $2)`,
      [objectiveIds, partnerId],
    )
  ).map(toTarget);

export interface NewMetricRecord {
  partnerId: string;
  metric: MetricKey;
  value: number;
  on: string;
  accountId: string | null;
  source: string | null;
}

/** An actual as the API takes it (`POST /v1/metrics`, imports), with absent optionals as null. */
export const toMetricRecord = (record: MetricRecordInput): NewMetricRecord => ({
  partnerId: record.partnerId,
  metric: record.metric,
  value: record.value,
  on: record.on,
  accountId: record.accountId ?? null,
  source: record.source ?? null,
});

/** One statement for the whole batch: it lands entirely or not at all. */
export const insertMetrics = async (db: Queryable, records: readonly NewMetricRecord[]) => {
  await db.query(
    `insert into metrics (partner_id, metric, value, on_date, account_id, source)
     select * from unnest($1::text[], $2::text[], $3::numeric[], $4::date[], $5::text[], $6::text[])`,
    [
      records.map((r) => r.partnerId),
      records.map((r) => r.metric),
      records.map((r) => r.value),
      records.map((r) => r.on),
      records.map((r) => r.accountId),
      records.map((r) => r.source),
    ],
  );
};

/** Every record of the metrics (past periods too: they make the trend), for every partner or one. */
export const metricFacts = async (
  db: Queryable,
  metrics: readonly MetricKey[],
  partnerId: string | null,
): Promise<MetricFact[]> =>
  (
    await db.query<{
      partner_id: string;
      metric: MetricKey;
      value: string | number;
      on_day: string;
    }>(
      `select partner_id, metric, value, on_date::text as on_day from metrics
       where metric = any($1::text[]) and ($2::text is null or partner_id = $2)
       order by id`,
      [metrics, partnerId],
    )
  ).map((row) => ({
    partnerId: row.partner_id,
    metric: row.metric,
    value: num(row.value),
    on: row.on_day,
  }));

/**
 * Wins the system saw itself (DESIGN §2.4): each registration closed as won counts 1 towards
 * `registrations_won` on its closing day (UTC). Read straight from the registrations table.
 */
export const registrationWinFacts = async (
  db: Queryable,
  partnerId: string | null,
): Promise<MetricFact[]> =>
  (
    await db.query<{ partner_id: string; on_day: string }>(
      `select partner_id, to_char(closed_at at time zone 'UTC', 'YYYY-MM-DD') as on_day from registrations
       where status = 'won' and closed_at is not null and ($1::text is null or partner_id = $1)
       order by closed_at, id`,
      [partnerId],
    )
  ).map((row) => ({
    partnerId: row.partner_id,
    metric: 'registrations_won',
    value: 1,
    on: row.on_day,
  }));
