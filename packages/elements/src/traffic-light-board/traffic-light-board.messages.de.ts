import type { Messages } from '../shared/localize.js';
import type { TrafficLightBoardMessageKey } from './traffic-light-board.messages.js';

type Params = Record<string, string | number>;

const countsDe = ({ green, yellow, red, unknown }: Params) =>
  `${green} im Plan, ${yellow} gefährdet, ${red} nicht im Plan, ${unknown} ohne Daten`;

const de: Messages<TrafficLightBoardMessageKey> = {
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
};

export default de;
