/**
 * The traffic light of one objective (DESIGN §2.4): how far the actual is from the target,
 * oriented so that 1 means "on target" whatever the direction, then compared with thresholds.
 */
import type { Direction, Light, Thresholds } from '../../schemas/scorecard.js';

/** Green at or above 100 % of target, yellow at or above 80 %, else red. */
export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = { green: 1, yellow: 0.8 };

/**
 * Attainment never exceeds 10 (1,000 %). Beating a zero target, or a lower-is-better actual of
 * zero, has no finite ratio; the cap gives it one that JSON can carry and that still sorts above
 * every ordinary ratio, so a better actual never yields a lower attainment.
 */
export const MAX_ATTAINMENT = 10;

/** Text for each light, so colour is never the only signal. */
export const LIGHT_LABELS: Readonly<Record<Light, string>> = {
  green: 'On track',
  yellow: 'At risk',
  red: 'Off track',
  unknown: 'No data',
};

export type LightShape = 'circle' | 'triangle' | 'square' | 'dash';

/** An icon shape for each light, distinct even in greyscale or for colour-blind readers. */
export const LIGHT_SHAPES: Readonly<Record<Light, LightShape>> = {
  green: 'circle',
  yellow: 'triangle',
  red: 'square',
  unknown: 'dash',
};

export type KnownLight = Exclude<Light, 'unknown'>;

/** Order of the known lights, worst first: red < yellow < green. */
export const LIGHT_RANK: Readonly<Record<KnownLight, number>> = { red: 0, yellow: 1, green: 2 };

export const isKnownLight = (light: Light): light is KnownLight => light !== 'unknown';

const clampAttainment = (ratio: number): number => Math.min(Math.max(ratio, 0), MAX_ATTAINMENT);

/**
 * How much of the target is achieved, 1 meaning exactly on target:
 * higher-is-better `actual ÷ target`, lower-is-better `target ÷ actual`, clamped to
 * 0 … MAX_ATTAINMENT. Zero target and zero actual is on target (1); a division by zero
 * in the good direction (any positive actual against a zero target, or a lower-is-better actual
 * at or below zero) is MAX_ATTAINMENT. Null when either side is missing or not finite, or the
 * target is negative (a ratio to a negative target means nothing).
 */
export const attainment = (
  actual: number | null,
  target: number | null,
  direction: Direction,
): number | null => {
  if (actual === null || target === null) return null;
  if (!Number.isFinite(actual) || !Number.isFinite(target) || target < 0) return null;
  if (actual === target) return 1;
  if (direction === 'higher_is_better') {
    if (target === 0) return actual > 0 ? MAX_ATTAINMENT : 0;
    return clampAttainment(actual / target);
  }
  if (actual <= 0) return MAX_ATTAINMENT;
  return clampAttainment(target / actual);
};

/** The light for an attainment: null (no data) is unknown. */
export const lightForAttainment = (
  value: number | null,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Light => {
  if (value === null) return 'unknown';
  if (value >= thresholds.green) return 'green';
  if (value >= thresholds.yellow) return 'yellow';
  return 'red';
};

export interface LightInput {
  actual: number | null;
  target: number | null;
  direction: Direction;
  /** @default DEFAULT_THRESHOLDS */
  thresholds?: Thresholds;
}

/** Green, yellow or red by attainment against the thresholds; unknown without data. */
export const lightFor = ({ actual, target, direction, thresholds }: LightInput): Light =>
  lightForAttainment(attainment(actual, target, direction), thresholds);
