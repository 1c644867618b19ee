/**
 * The one thing to do next about an objective, in a short English sentence. Deterministic (no
 * locale, no clock), so the server, the mock and tests agree; the UI localises later.
 */
import type { Direction, Light, MetricKey, Trend } from '../../schemas/scorecard.js';

/** How a metric reads inside a sentence. */
export const METRIC_NAMES: Readonly<Record<MetricKey, string>> = {
  revenue: 'revenue',
  pipeline: 'pipeline',
  registrations_won: 'registrations won',
  certified_people: 'certified people',
  turnover: 'turnover',
};

export interface NextBestActionInput {
  metric: MetricKey;
  light: Light;
  attainment: number | null;
  trend: Trend;
  actual: number | null;
  target: number | null;
  /** @default 'higher_is_better' */
  direction?: Direction;
  /** Shown after amounts of money-like metrics, e.g. `EUR`. */
  unit?: string;
}

/** 12345.678 → "12,345.68": fixed English grouping so the text never depends on the runtime locale. */
const formatAmount = (value: number): string => {
  const rounded = Math.round(Math.abs(value) * 100) / 100;
  const [whole = '0', fraction] = String(rounded).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 && rounded !== 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How far the actual is on the wrong side of the target, or null when it isn't (or is unknown). */
const shortfall = ({ actual, target, direction }: NextBestActionInput): number | null => {
  if (actual === null || target === null) return null;
  const gap = direction === 'lower_is_better' ? actual - target : target - actual;
  return gap > 0 ? gap : null;
};

const withUnit = (amount: number, unit: string | undefined) =>
  unit ? `${formatAmount(amount)} ${unit}` : formatAmount(amount);

/** The metric's own remedy when the actual falls short, with the gap when it is known. */
const remedy = (input: NextBestActionInput, gap: number | null): string => {
  const name = METRIC_NAMES[input.metric];
  if (input.direction === 'lower_is_better') {
    return gap === null
      ? `Bring ${name} down to the target`
      : `Bring ${name} down: ${withUnit(gap, input.unit)} over the target`;
  }
  const toGo = gap === null ? '' : `: ${withUnit(gap, input.unit)} to go`;
  switch (input.metric) {
    case 'revenue':
      return `Register more deals and close the approved ones${toGo}`;
    case 'pipeline':
      return `Register more deals to build pipeline${toGo}`;
    case 'registrations_won': {
      const wins = gap === null ? '' : `: ${count(Math.ceil(gap), 'more win', 'more wins')} needed`;
      return `Follow up approved registrations before they expire${wins}`;
    }
    case 'certified_people':
      return gap === null
        ? 'Enrol more people in certification'
        : `Enrol ${count(Math.ceil(gap), 'person', 'people')} in certification`;
    case 'turnover':
      return `Review turnover with the partner and agree a sales plan${toGo}`;
  }
};

/** "(72 % of target)": floored, so a yellow light never reads as 100 %. */
const share = ({ attainment, direction }: NextBestActionInput): string =>
  attainment === null || direction === 'lower_is_better'
    ? ''
    : ` (${Math.floor(attainment * 100 + 1e-9)} % of target)`;

/**
 * What to do next, or null when nothing is needed: green and not worsening. (Green and improving
 * is the obvious case; green and flat, or green with no history yet, is on target too, and an
 * action there would only be noise on a board of thousands of rows.)
 */
export const nextBestAction = (input: NextBestActionInput): string | null => {
  const name = METRIC_NAMES[input.metric];
  if (input.light === 'unknown') {
    if (input.actual === null) return `Record actuals for ${name} so progress can be measured.`;
    if (input.target === null) return `Set a target for ${name} so progress can be judged.`;
    return `Check the target for ${name}: it cannot be compared with the actuals.`;
  }
  if (input.light === 'green') {
    if (input.trend !== 'worsening') return null;
    const action = remedy(input, null).replace(/^\w/, (c) => c.toLowerCase());
    return `On track, but ${name} is slipping: ${action} to stay ahead.`;
  }
  const sentence = `${remedy(input, shortfall(input))}${share(input)}.`;
  return input.light === 'red' && input.trend === 'worsening' ? `Urgent: ${sentence}` : sentence;
};
