import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Direction, Light, Thresholds } from '../../schemas/scorecard.js';
import {
  attainment,
  DEFAULT_THRESHOLDS,
  LIGHT_LABELS,
  LIGHT_RANK,
  LIGHT_SHAPES,
  lightFor,
  lightForAttainment,
  MAX_ATTAINMENT,
} from './traffic-light.js';

const LIGHTS: Light[] = ['green', 'yellow', 'red', 'unknown'];
const directions = fc.constantFrom<Direction>('higher_is_better', 'lower_is_better');
const amount = fc.double({ min: -1e9, max: 1e9, noNaN: true });
const target = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e9, noNaN: true }));
const thresholds = fc
  .tuple(
    fc.double({ min: 0.01, max: 5, noNaN: true }),
    fc.double({ min: 0.01, max: 5, noNaN: true }),
  )
  .map(([a, b]): Thresholds => ({ green: Math.max(a, b), yellow: Math.min(a, b) }));
const rank = (light: Light) => (light === 'unknown' ? -1 : LIGHT_RANK[light]);

describe('attainment', () => {
  it('is actual ÷ target when higher is better', () => {
    expect(attainment(80, 100, 'higher_is_better')).toBe(0.8);
    expect(attainment(150, 100, 'higher_is_better')).toBe(1.5);
  });

  it('is target ÷ actual when lower is better', () => {
    expect(attainment(125, 100, 'lower_is_better')).toBe(0.8);
    expect(attainment(50, 100, 'lower_is_better')).toBe(2);
  });

  it('is null when the actual or the target is missing, not finite, or the target negative', () => {
    expect(attainment(null, 100, 'higher_is_better')).toBeNull();
    expect(attainment(100, null, 'lower_is_better')).toBeNull();
    expect(attainment(Number.NaN, 100, 'higher_is_better')).toBeNull();
    expect(attainment(100, Number.POSITIVE_INFINITY, 'higher_is_better')).toBeNull();
    expect(attainment(5, -10, 'higher_is_better')).toBeNull();
  });

  it('treats zero against a zero target as on target', () => {
    expect(attainment(0, 0, 'higher_is_better')).toBe(1);
    expect(attainment(0, 0, 'lower_is_better')).toBe(1);
  });

  it('caps beating a zero target (or a zero lower-is-better actual) at MAX_ATTAINMENT', () => {
    expect(attainment(3, 0, 'higher_is_better')).toBe(MAX_ATTAINMENT);
    expect(attainment(0, 5, 'lower_is_better')).toBe(MAX_ATTAINMENT);
    expect(attainment(-2, 0, 'lower_is_better')).toBe(MAX_ATTAINMENT);
    expect(attainment(1_000, 1, 'higher_is_better')).toBe(MAX_ATTAINMENT);
  });

  it('never goes below zero and is zero when missing a zero target in the wrong direction', () => {
    expect(attainment(-50, 100, 'higher_is_better')).toBe(0);
    expect(attainment(-1, 0, 'higher_is_better')).toBe(0);
    expect(attainment(7, 0, 'lower_is_better')).toBe(0);
  });
});

describe('lightFor', () => {
  it('uses the default thresholds: green at 100 %, yellow at 80 %, else red', () => {
    const light = (actual: number) =>
      lightFor({ actual, target: 100, direction: 'higher_is_better' });
    expect([100, 120, 99.99, 80, 79.99, 0].map(light)).toEqual([
      'green',
      'green',
      'yellow',
      'yellow',
      'red',
      'red',
    ]);
  });

  it('honours the direction and custom thresholds', () => {
    const custom = { green: 0.95, yellow: 0.5 };
    expect(lightFor({ actual: 105, target: 100, direction: 'lower_is_better' })).toBe('yellow');
    expect(
      lightFor({ actual: 96, target: 100, direction: 'higher_is_better', thresholds: custom }),
    ).toBe('green');
    expect(
      lightFor({ actual: 49, target: 100, direction: 'higher_is_better', thresholds: custom }),
    ).toBe('red');
  });

  it('is unknown without data', () => {
    expect(lightFor({ actual: null, target: 100, direction: 'higher_is_better' })).toBe('unknown');
    expect(lightFor({ actual: 10, target: null, direction: 'lower_is_better' })).toBe('unknown');
    expect(lightForAttainment(null)).toBe('unknown');
  });

  it('exposes the default thresholds of DESIGN §2.4', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ green: 1, yellow: 0.8 });
  });
});

describe('non-colour signals', () => {
  it('gives every light its own label and its own shape', () => {
    expect(new Set(LIGHTS.map((l) => LIGHT_LABELS[l])).size).toBe(4);
    expect(new Set(LIGHTS.map((l) => LIGHT_SHAPES[l])).size).toBe(4);
    expect(LIGHT_LABELS.unknown).toBe('No data');
  });
});

describe('traffic-light properties', () => {
  it('attainment is 1 exactly at target, in both directions', () => {
    fc.assert(
      fc.property(target, directions, (t, direction) => {
        expect(attainment(t, t, direction)).toBe(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('a light never improves when the actual moves away from the target (red < yellow < green)', () => {
    fc.assert(
      fc.property(
        amount,
        target,
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        directions,
        thresholds,
        (actual, t, step, direction, limits) => {
          const worse = direction === 'higher_is_better' ? actual - step : actual + step;
          const before = lightFor({ actual, target: t, direction, thresholds: limits });
          const after = lightFor({ actual: worse, target: t, direction, thresholds: limits });
          expect(before).not.toBe('unknown');
          expect(rank(after)).toBeLessThanOrEqual(rank(before));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('attainment stays within 0 … MAX_ATTAINMENT whenever it is known', () => {
    fc.assert(
      fc.property(amount, target, directions, (actual, t, direction) => {
        const value = attainment(actual, t, direction);
        expect(value).not.toBeNull();
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(MAX_ATTAINMENT);
      }),
      { numRuns: 1000 },
    );
  });
});
