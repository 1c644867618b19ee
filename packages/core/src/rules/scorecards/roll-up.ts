/**
 * Rolling children's lights up into one light for their group (DESIGN §2.4): each known light
 * scores a weight, the group's score is the mean over the known children, and the score maps back
 * to a light by two cut-offs. Children without data are counted but never scored, so a missing
 * import does not turn a group red.
 */
import type { Light, LightCounts } from '../../schemas/scorecard.js';
import { allow, type Decision, refuse } from '../decision.js';
import type { KnownLight } from './traffic-light.js';

export interface RollUpPolicy {
  /** What each known light scores. */
  weights: Readonly<Record<KnownLight, number>>;
  /** A mean score at or above this is green. */
  greenAt: number;
  /** A mean score at or above this (and below `greenAt`) is yellow; below it, red. */
  yellowAt: number;
}

/** green = 2, yellow = 1, red = 0; mean ≥ 1.5 green, ≥ 0.75 yellow, else red. */
export const DEFAULT_ROLL_UP: Readonly<RollUpPolicy> = {
  weights: { green: 2, yellow: 1, red: 0 },
  greenAt: 1.5,
  yellowAt: 0.75,
};

export interface RollUp {
  light: Light;
  /** Mean weight of the known children; null when no child is known. */
  score: number | null;
  counts: LightCounts;
  /** One plain-English sentence saying how the light was reached. */
  explanation: string;
}

export const countLights = (lights: Iterable<Light>): LightCounts => {
  const counts: LightCounts = { green: 0, yellow: 0, red: 0, unknown: 0 };
  for (const light of lights) counts[light] += 1;
  return counts;
};

/** The light a mean score earns under the policy; null (nothing known) is unknown. */
export const lightForScore = (
  score: number | null,
  policy: Readonly<RollUpPolicy> = DEFAULT_ROLL_UP,
): Light => {
  if (score === null) return 'unknown';
  if (score >= policy.greenAt) return 'green';
  if (score >= policy.yellowAt) return 'yellow';
  return 'red';
};

const KNOWN: readonly KnownLight[] = ['green', 'yellow', 'red'];

/**
 * The mean weight over the known children. Computed from counts, so the children's order never
 * changes the result, and clamped to the children's weight range so rounding cannot push the
 * mean of equal lights past a cut-off.
 */
const meanScore = (counts: LightCounts, policy: Readonly<RollUpPolicy>): number | null => {
  const present = KNOWN.filter((light) => counts[light] > 0);
  if (present.length === 0) return null;
  const known = counts.green + counts.yellow + counts.red;
  const total = present.reduce((sum, light) => sum + counts[light] * policy.weights[light], 0);
  const weights = present.map((light) => policy.weights[light]);
  return Math.min(Math.max(total / known, Math.min(...weights)), Math.max(...weights));
};

const formatScore = (score: number): string => String(Math.round(score * 100) / 100);

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const explain = (
  light: Light,
  score: number | null,
  counts: LightCounts,
  policy: Readonly<RollUpPolicy>,
): string => {
  const unknownNote =
    counts.unknown > 0
      ? ` ${plural(counts.unknown, 'child', 'children')} without data ignored.`
      : '';
  if (score === null) {
    return counts.unknown === 0
      ? 'Nothing to roll up, so unknown.'
      : `Only ${plural(counts.unknown, 'child', 'children')} without data, so unknown.`;
  }
  const known = counts.green + counts.yellow + counts.red;
  const parts = KNOWN.map((l) => `${counts[l]} ${l} × ${policy.weights[l]}`).join(', ');
  const rule =
    light === 'green'
      ? `at least ${policy.greenAt}, so green`
      : light === 'yellow'
        ? `at least ${policy.yellowAt} but below ${policy.greenAt}, so yellow`
        : `below ${policy.yellowAt}, so red`;
  const base = `Mean score ${formatScore(score)} over ${plural(known, 'child', 'children')} with data`;
  return `${base} (${parts}) is ${rule}.${unknownNote}`;
};

/** Roll children's lights up into one, with the score, the counts and why. */
export const rollUp = (
  lights: Iterable<Light>,
  policy: Readonly<RollUpPolicy> = DEFAULT_ROLL_UP,
): RollUp => {
  const counts = countLights(lights);
  const score = meanScore(counts, policy);
  const light = lightForScore(score, policy);
  return { light, score, counts, explanation: explain(light, score, counts, policy) };
};

export type RollUpPolicyCode = 'invalid_roll_up_policy';

/**
 * A policy is sound when red < yellow < green weights, and each cut-off lies above the weight of
 * the light below it and at most the weight of its own light: then all-green children roll up to
 * green, all-red to red, and a group always lies between its worst and best child.
 */
export const checkRollUpPolicy = (
  policy: Readonly<RollUpPolicy>,
): Decision<Readonly<RollUpPolicy>, RollUpPolicyCode> => {
  const { weights, greenAt, yellowAt } = policy;
  const problems: string[] = [];
  const numbers = [weights.green, weights.yellow, weights.red, greenAt, yellowAt];
  if (!numbers.every(Number.isFinite))
    problems.push('Weights and cut-offs must be finite numbers.');
  if (!(weights.red < weights.yellow && weights.yellow < weights.green)) {
    problems.push('Weights must rise from red to yellow to green.');
  }
  if (!(weights.red < yellowAt && yellowAt <= weights.yellow)) {
    problems.push('The yellow cut-off must be above the red weight and at most the yellow weight.');
  }
  if (!(weights.yellow < greenAt && greenAt <= weights.green)) {
    problems.push(
      'The green cut-off must be above the yellow weight and at most the green weight.',
    );
  }
  const [first, ...rest] = problems;
  if (first === undefined) return allow(policy);
  const code = 'invalid_roll_up_policy';
  return refuse(code, first, ...rest.map((message) => ({ code, message }) as const));
};
