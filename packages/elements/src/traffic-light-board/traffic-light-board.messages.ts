import type { Catalog, Messages } from '../shared/localize.js';

type Params = Record<string, string | number>;

const countsEn = ({ green, yellow, red, unknown }: Params) =>
  `${green} on track, ${yellow} at risk, ${red} off track, ${unknown} no data`;

const en = {
  title: 'Partner scorecards',
  green: 'On track',
  yellow: 'At risk',
  red: 'Off track',
  unknown: 'No data',
  legend: 'Legend',
  overall: 'All partners',
  counts: countsEn,
  score: 'mean score {score} of 2',
  filterLabel: 'Show',
  filterAll: 'All partners',
  filterRed: 'With an objective off track',
  filterYellow: 'With an objective at risk',
  filterUnknown: 'With an objective without data',
  filterGreen: 'With an objective on track',
  sortLabel: 'Sort',
  sortAttention: 'Needs attention first',
  sortName: 'Name (A–Z)',
  sortObjective: '{objective}, worst first',
  searchLabel: 'Search partners',
  columnPartner: 'Partner',
  columnOverall: 'Overall',
  columnAction: 'Next best action',
  region: 'Region',
  segment: 'Segment',
  groupShown: ({ shown, total }: Params) =>
    shown !== total
      ? `${shown} of ${total} partners shown`
      : String(total) === '1'
        ? '1 partner'
        : `${total} partners`,
  showing: ({ count }: Params) =>
    count === 1 ? 'Showing 1 partner.' : `Showing ${count} partners.`,
  ofTarget: '{percent} of target',
  trend_improving: 'improving',
  trend_worsening: 'worsening',
  trend_flat: 'flat',
  trend_unknown: 'no trend yet',
  noAction: 'No action needed',
  actionShortfall: '{objective}: {percent} of target, {gap} to go',
  actionOver: '{objective}: {gap} over target',
  actionBehind: '{objective}: below target',
  actionRecord: '{objective}: record actuals',
  actionSetTarget: '{objective}: set a target',
  noMatch: 'No partners match the filter or search.',
  empty: 'No scorecards yet: there are no partners or no objectives for this period.',
} satisfies Messages<string>;

export type TrafficLightBoardMessageKey = keyof typeof en;

/** English here; German loads the first time an element shows it (see `Catalog`). */
export const trafficLightBoardMessages: Catalog<TrafficLightBoardMessageKey> = {
  en,
  load: { de: () => import('./traffic-light-board.messages.de.js') },
};
