import * as z from 'zod/mini';
import { CalendarDate, Id, Name, Region, Timestamp } from './common.js';
import { ordered } from './refinements.js';

export const MetricKey = z.enum([
  'revenue',
  'pipeline',
  'registrations_won',
  'certified_people',
  'turnover',
]);
export type MetricKey = z.infer<typeof MetricKey>;

export const Direction = z.enum(['higher_is_better', 'lower_is_better']);
export type Direction = z.infer<typeof Direction>;

/** Ratios of actual to target: green at or above `green`, yellow at or above `yellow`, else red. */
export const Thresholds = z
  .object({ green: z.number().check(z.gt(0)), yellow: z.number().check(z.gt(0)) })
  .check(ordered('yellow', 'green', 'yellow must not exceed green'));
export type Thresholds = z.infer<typeof Thresholds>;

export const Period = z
  .object({ from: CalendarDate, to: CalendarDate })
  .check(ordered('from', 'to', 'from must not be after to'));
export type Period = z.infer<typeof Period>;

export const Objective = z.object({
  id: Id,
  name: Name,
  metric: MetricKey,
  period: Period,
  direction: Direction,
  thresholds: Thresholds,
  unit: z.optional(z.string()),
  /** Target for partners without one of their own. */
  defaultTarget: z.optional(z.number()),
  createdAt: Timestamp,
});
export type Objective = z.infer<typeof Objective>;

export const CreateObjectiveInput = z.object({
  name: Name,
  metric: MetricKey,
  period: Period,
  direction: z.optional(Direction),
  thresholds: z.optional(Thresholds),
  unit: z.optional(z.string().check(z.maxLength(16))),
  defaultTarget: z.optional(z.number().check(z.gte(0))),
});
export type CreateObjectiveInput = z.infer<typeof CreateObjectiveInput>;

export const Target = z.object({
  objectiveId: Id,
  partnerId: Id,
  accountId: z.nullable(Id),
  value: z.number().check(z.gte(0)),
});
export type Target = z.infer<typeof Target>;

export const SetTargetsInput = z.object({
  targets: z
    .array(
      z.object({
        objectiveId: Id,
        value: z.number().check(z.gte(0)),
        accountId: z.optional(z.nullable(Id)),
      }),
    )
    .check(z.minLength(1), z.maxLength(500)),
});
export type SetTargetsInput = z.infer<typeof SetTargetsInput>;

export const MetricRecordInput = z.object({
  partnerId: Id,
  metric: MetricKey,
  value: z.number(),
  /** The day the value belongs to. */
  on: CalendarDate,
  accountId: z.optional(z.nullable(Id)),
  source: z.optional(z.string().check(z.maxLength(64))),
});
export type MetricRecordInput = z.infer<typeof MetricRecordInput>;

export const RecordMetricsInput = z.object({
  records: z.array(MetricRecordInput).check(z.minLength(1), z.maxLength(1000)),
});
export type RecordMetricsInput = z.infer<typeof RecordMetricsInput>;

export const RecordMetricsResult = z.object({ recorded: z.number().check(z.int()) });

export const Light = z.enum(['green', 'yellow', 'red', 'unknown']);
export type Light = z.infer<typeof Light>;

export const Trend = z.enum(['improving', 'worsening', 'flat', 'unknown']);
export type Trend = z.infer<typeof Trend>;

/** One objective of one partner: the light and everything that explains it. */
export const ObjectiveStatus = z.object({
  objectiveId: Id,
  name: Name,
  metric: MetricKey,
  light: Light,
  /** Text for the light, so colour is never the only signal (e.g. "On track"). */
  label: z.string(),
  actual: z.nullable(z.number()),
  target: z.nullable(z.number()),
  /** actual ÷ target, oriented so that 1 means on target whatever the direction. */
  attainment: z.nullable(z.number()),
  trend: Trend,
  nextBestAction: z.nullable(z.string()),
});
export type ObjectiveStatus = z.infer<typeof ObjectiveStatus>;

export const PartnerScorecard = z.object({
  partnerId: Id,
  partnerName: Name,
  region: Region,
  segment: z.string(),
  light: Light,
  label: z.string(),
  /** Mean of the known lights' scores (green 2, yellow 1, red 0), or null with none known. */
  score: z.nullable(z.number()),
  /** How the roll-up reached its light, in words (e.g. "2 green, 1 red of 3 known: mean 1.33 → yellow"). */
  explanation: z.string(),
  objectives: z.array(ObjectiveStatus),
});
export type PartnerScorecard = z.infer<typeof PartnerScorecard>;

export const LightCounts = z.object({
  green: z.number(),
  yellow: z.number(),
  red: z.number(),
  unknown: z.number(),
});
export type LightCounts = z.infer<typeof LightCounts>;

export const BoardGroup = z.object({
  key: z.string(),
  light: Light,
  label: z.string(),
  score: z.nullable(z.number()),
  explanation: z.string(),
  counts: LightCounts,
  partners: z.array(PartnerScorecard),
});
export type BoardGroup = z.infer<typeof BoardGroup>;

export const GroupBy = z.enum(['region', 'segment']);
export type GroupBy = z.infer<typeof GroupBy>;

export const ScorecardBoard = z.object({
  groupBy: GroupBy,
  generatedAt: Timestamp,
  light: Light,
  label: z.string(),
  score: z.nullable(z.number()),
  explanation: z.string(),
  objectives: z.array(Objective),
  groups: z.array(BoardGroup),
});
export type ScorecardBoard = z.infer<typeof ScorecardBoard>;

export const ScorecardQuery = z.object({
  groupBy: z.optional(GroupBy),
  /** Only objectives whose period contains this date (default: today). */
  on: z.optional(CalendarDate),
});
export type ScorecardQuery = z.infer<typeof ScorecardQuery>;
