import type { Catalog } from '../shared/localize.js';

type Params = Record<string, string | number>;

const countsEn = ({ green, yellow, red, unknown }: Params) =>
  `${green} on track, ${yellow} at risk, ${red} off track, ${unknown} no data`;
const countsDe = ({ green, yellow, red, unknown }: Params) =>
  `${green} im Plan, ${yellow} gefährdet, ${red} nicht im Plan, ${unknown} ohne Daten`;

export const trafficLightBoardMessages = {
  en: {
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
  },
  de: {
    title: 'Partner-Scorecards',
    green: 'Im Plan',
    yellow: 'Gefährdet',
    red: 'Nicht im Plan',
    unknown: 'Keine Daten',
    legend: 'Legende',
    overall: 'Alle Partner',
    counts: countsDe,
    score: 'Mittelwert {score} von 2',
    filterLabel: 'Anzeigen',
    filterAll: 'Alle Partner',
    filterRed: 'Mit einem Ziel nicht im Plan',
    filterYellow: 'Mit einem gefährdeten Ziel',
    filterUnknown: 'Mit einem Ziel ohne Daten',
    filterGreen: 'Mit einem Ziel im Plan',
    sortLabel: 'Sortieren',
    sortAttention: 'Handlungsbedarf zuerst',
    sortName: 'Name (A–Z)',
    sortObjective: '{objective}, schlechteste zuerst',
    searchLabel: 'Partner suchen',
    columnPartner: 'Partner',
    columnOverall: 'Gesamt',
    columnAction: 'Nächster Schritt',
    region: 'Region',
    segment: 'Segment',
    groupShown: ({ shown, total }: Params) =>
      shown === total ? `${total} Partner` : `${shown} von ${total} Partnern angezeigt`,
    showing: ({ count }: Params) =>
      count === 1 ? '1 Partner angezeigt.' : `${count} Partner angezeigt.`,
    ofTarget: '{percent} des Ziels',
    trend_improving: 'steigend',
    trend_worsening: 'fallend',
    trend_flat: 'gleichbleibend',
    trend_unknown: 'noch kein Trend',
    noAction: 'Kein Handlungsbedarf',
    actionShortfall: '{objective}: {percent} des Ziels, noch {gap}',
    actionOver: '{objective}: {gap} über dem Ziel',
    actionBehind: '{objective}: unter dem Ziel',
    actionRecord: '{objective}: Istwerte erfassen',
    actionSetTarget: '{objective}: Ziel festlegen',
    noMatch: 'Kein Partner passt zu Filter oder Suche.',
    empty: 'Noch keine Scorecards: Es gibt keine Partner oder keine Ziele für diesen Zeitraum.',
  },
} satisfies Catalog<string>;

export type TrafficLightBoardMessageKey = keyof (typeof trafficLightBoardMessages)['en'];
