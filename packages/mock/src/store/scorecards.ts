import { buildBoard, calendarDayOf, objectivesActiveOn, type ScorecardQuery } from '@openprm/core';
import { assertVisible } from '../http/principal.js';
import { notFound } from '../http/problem.js';
import type { MockHandlers } from './handler.js';
import type { MockState } from './state.js';

/** The facts of a board, for every partner or one; core's `buildBoard` judges them. */
const boardInput = (
  state: MockState,
  query: ScorecardQuery,
  partnerId: string | null,
  now: Date,
) => {
  const on = query.on ?? calendarDayOf(now);
  const objectives = objectivesActiveOn(state.objectives, on);
  const mine = <T extends { partnerId: string }>(rows: readonly T[]) =>
    partnerId === null ? rows : rows.filter((row) => row.partnerId === partnerId);
  const partners = [...state.partners.values()]
    .filter((partner) => partnerId === null || partner.id === partnerId)
    .map(({ id, name, region, segment }) => ({ id, name, region, segment }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const wins = [...state.registrations.values()]
    .filter((registration) => registration.status === 'won' && registration.closedAt)
    .map((registration) => ({
      partnerId: registration.partnerId,
      metric: 'registrations_won' as const,
      value: 1,
      on: (registration.closedAt as string).slice(0, 10),
    }));
  return {
    partners,
    objectives,
    targets: mine(state.targets).filter((target) => !target.accountId),
    metrics: mine([...state.metrics, ...wins]),
    groupBy: query.groupBy ?? 'region',
    now,
  };
};

export const scorecardHandlers: MockHandlers = {
  'objectives.list': ({ state }) => ({ data: [...state.objectives] }),
  'scorecards.board': ({ state, query, now }) => buildBoard(boardInput(state, query, null, now)),
  'scorecards.forPartner': ({ state, principal, params, query, now }) => {
    assertVisible(principal, params.id, `Partner ${params.id}`);
    const card = buildBoard(boardInput(state, query, params.id, now)).groups[0]?.partners[0];
    if (!card) throw notFound(`Partner ${params.id}`);
    return card;
  },
};
