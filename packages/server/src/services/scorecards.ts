import {
  buildBoard,
  calendarDayOf,
  type GroupBy,
  objectivesActiveOn,
  type PartnerScorecard,
  type ScorecardBoard,
  type ScorecardQuery,
} from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { assertVisible, type Principal } from '../http/principal.js';
import { notFound } from '../http/problem.js';
import { partnerFactsRows } from '../queries/partners.js';
import {
  listObjectiveRows,
  metricFacts,
  partnerLevelTargets,
  registrationWinFacts,
  toObjective,
} from '../queries/scorecards.js';

/**
 * The facts of a board, for every partner or one: the objectives whose period contains `on`,
 * partner-level targets, every record of their metrics (past quarters make the trend) and the
 * wins the system saw itself, which count towards `registrations_won` beside imported records.
 */
const boardInput = async (
  tx: Queryable,
  query: ScorecardQuery,
  partnerId: string | null,
  now: Date,
) => {
  const on = query.on ?? calendarDayOf(now);
  const objectives = objectivesActiveOn((await listObjectiveRows(tx)).map(toObjective), on);
  const metrics = [...new Set(objectives.map((objective) => objective.metric))];
  const partners = await partnerFactsRows(tx, partnerId);
  const targets = await partnerLevelTargets(
    tx,
    objectives.map((objective) => objective.id),
    partnerId,
  );
  const records = await metricFacts(tx, metrics, partnerId);
  const wins = metrics.includes('registrations_won')
    ? await registrationWinFacts(tx, partnerId)
    : [];
  const groupBy: GroupBy = query.groupBy ?? 'region';
  return { partners, objectives, targets, metrics: [...records, ...wins], groupBy, now };
};

/** The traffic-light board: core judges every objective and rolls partners up into groups. */
export const scorecardBoardService = async (
  tx: Queryable,
  query: ScorecardQuery,
  now: Date,
): Promise<ScorecardBoard> => buildBoard(await boardInput(tx, query, null, now));

/** One partner's card, judged by the same rule as the board; another partner's is a 404. */
export const partnerScorecardService = async (
  tx: Queryable,
  principal: Principal,
  partnerId: string,
  query: ScorecardQuery,
  now: Date,
): Promise<PartnerScorecard> => {
  assertVisible(principal, partnerId, `Partner ${partnerId}`);
  const input = await boardInput(tx, query, partnerId, now);
  const card = buildBoard(input).groups[0]?.partners[0];
  if (!card) throw notFound(`Partner ${partnerId}`);
  return card;
};
