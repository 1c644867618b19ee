/**
 * The traffic-light board (DESIGN §2.4), level by level: groups (region or segment) → partners →
 * objectives. Built in one pass over the inputs, so 10,000 partners × 8 objectives stay fast.
 */
import type { Partner } from '../../schemas/partner.js';
import type {
  BoardGroup,
  GroupBy,
  Light,
  MetricKey,
  Objective,
  ObjectiveStatus,
  PartnerScorecard,
  ScorecardBoard,
} from '../../schemas/scorecard.js';
import { type Instant, toIso, toMs } from '../time.js';
import { quarterlyHistory } from './actuals.js';
import { indexMetrics, indexTargets, type MetricFact, type TargetFact } from './board-index.js';
import { objectiveStatus } from './objective-status.js';
import { calendarDayOf } from './period.js';
import { DEFAULT_ROLL_UP, type RollUpPolicy, rollUp } from './roll-up.js';
import { LIGHT_LABELS } from './traffic-light.js';

export type PartnerFacts = Pick<Partner, 'id' | 'name' | 'region' | 'segment'>;

/** A partner's card: its objectives' lights rolled up into one. */
export const buildPartnerScorecard = (
  partner: PartnerFacts,
  statuses: readonly ObjectiveStatus[],
  policy: Readonly<RollUpPolicy> = DEFAULT_ROLL_UP,
): PartnerScorecard => {
  const { light, score, explanation } = rollUp(
    statuses.map((status) => status.light),
    policy,
  );
  return {
    partnerId: partner.id,
    partnerName: partner.name,
    region: partner.region,
    segment: partner.segment,
    light,
    label: LIGHT_LABELS[light],
    score,
    explanation,
    objectives: [...statuses],
  };
};

/**
 * Partners needing attention first: red, yellow, then unknown, then green. No data sorts after
 * the measurably off-track (they are what a manager acts on today) but before green, because a
 * partner nobody can judge still needs someone to record its actuals.
 */
export const ATTENTION_ORDER: Readonly<Record<Light, number>> = {
  red: 0,
  yellow: 1,
  unknown: 2,
  green: 3,
};

/** Code-point order: deterministic everywhere, unlike locale collation. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Worst light first; within a light the lower score first; then by name and id, for stability. */
export const compareByAttention = (a: PartnerScorecard, b: PartnerScorecard): number =>
  ATTENTION_ORDER[a.light] - ATTENTION_ORDER[b.light] ||
  (a.score ?? Number.POSITIVE_INFINITY) - (b.score ?? Number.POSITIVE_INFINITY) ||
  compareText(a.partnerName, b.partnerName) ||
  compareText(a.partnerId, b.partnerId);

export interface BoardInput {
  partners: readonly PartnerFacts[];
  /** The objectives to show, e.g. those active on the board's day (`objectivesActiveOn`). */
  objectives: readonly Objective[];
  /** Partner-level targets; a target for one account (`accountId` set) is not a partner's. */
  targets: readonly TargetFact[];
  /** Every record of the partners' metrics, past periods included: they make the trend. */
  metrics: readonly MetricFact[];
  groupBy: GroupBy;
  /** @default DEFAULT_ROLL_UP */
  policy?: Readonly<RollUpPolicy>;
  now: Instant;
}

const groupOf = (key: string, cards: PartnerScorecard[], policy: Readonly<RollUpPolicy>) => {
  const { light, score, counts, explanation } = rollUp(
    cards.map((card) => card.light),
    policy,
  );
  const group: BoardGroup = {
    key,
    light,
    label: LIGHT_LABELS[light],
    score,
    explanation,
    counts,
    partners: cards.sort(compareByAttention),
  };
  return group;
};

/**
 * The board: each partner's objectives judged, partners rolled up into groups by region or
 * segment, and every partner rolled up into the overall light (over partners, not over groups,
 * so a small group weighs no more than its partners do). Groups sort by key.
 */
export const buildBoard = (input: BoardInput): ScorecardBoard => {
  const { partners, objectives, groupBy, now } = input;
  const policy = input.policy ?? DEFAULT_ROLL_UP;
  const today = calendarDayOf(now);
  const metricsByPartner = indexMetrics(input.metrics);
  const targetsByPartner = indexTargets(input.targets);
  const cardsByGroup = new Map<string, PartnerScorecard[]>();
  const allLights: Light[] = [];

  for (const partner of partners) {
    const records = metricsByPartner.get(partner.id);
    const targets = targetsByPartner.get(partner.id);
    const histories = new Map<MetricKey, number[]>();
    const statuses = objectives.map((objective) => {
      const actuals = records?.get(objective.metric) ?? [];
      let history = histories.get(objective.metric);
      if (history === undefined) {
        history = quarterlyHistory(objective.metric, actuals, today);
        histories.set(objective.metric, history);
      }
      const target = targets?.get(objective.id) ?? null;
      return objectiveStatus({ objective, target, actuals, history, now });
    });
    const card = buildPartnerScorecard(partner, statuses, policy);
    allLights.push(card.light);
    const key = partner[groupBy];
    const cards = cardsByGroup.get(key);
    if (cards) cards.push(card);
    else cardsByGroup.set(key, [card]);
  }

  const groups = [...cardsByGroup.keys()]
    .sort(compareText)
    .map((key) => groupOf(key, cardsByGroup.get(key) ?? [], policy));
  const overall = rollUp(allLights, policy);
  return {
    groupBy,
    generatedAt: toIso(toMs(now)),
    light: overall.light,
    label: LIGHT_LABELS[overall.light],
    score: overall.score,
    explanation: overall.explanation,
    objectives: [...objectives],
    groups,
  };
};
