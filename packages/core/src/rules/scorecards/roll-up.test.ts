import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Light } from '../../schemas/scorecard.js';
import {
  checkRollUpPolicy,
  countLights,
  DEFAULT_ROLL_UP,
  lightForScore,
  type RollUpPolicy,
  rollUp,
} from './roll-up.js';
import { isKnownLight, LIGHT_RANK } from './traffic-light.js';

const light = fc.constantFrom<Light>('green', 'yellow', 'red', 'unknown');
const lights = fc.array(light, { maxLength: 60 });

/** Any sound policy: rising weights, each cut-off above the weight below and at most its own. */
const soundPolicy = fc
  .tuple(
    fc.double({ min: -10, max: 10, noNaN: true }),
    fc.double({ min: 0.01, max: 10, noNaN: true }),
    fc.double({ min: 0.01, max: 10, noNaN: true }),
    fc.double({ min: 0.01, max: 1, noNaN: true }),
    fc.double({ min: 0.01, max: 1, noNaN: true }),
  )
  .map(([red, up1, up2, f1, f2]): RollUpPolicy => {
    const yellow = red + up1;
    const green = yellow + up2;
    return {
      weights: { red, yellow, green },
      yellowAt: Math.min(yellow, red + f1 * up1),
      greenAt: Math.min(green, yellow + f2 * up2),
    };
  })
  .filter((policy) => checkRollUpPolicy(policy).ok);
const policies = fc.oneof(fc.constant(DEFAULT_ROLL_UP), soundPolicy);

describe('rollUp with the default policy', () => {
  it('takes the mean of green 2, yellow 1, red 0 over known children', () => {
    const result = rollUp(['green', 'green', 'yellow', 'red']);
    expect(result.score).toBe(1.25);
    expect(result.light).toBe('yellow');
    expect(result.counts).toEqual({ green: 2, yellow: 1, red: 1, unknown: 0 });
  });

  it('is green from 1.5, yellow from 0.75, red below', () => {
    expect(rollUp(['green', 'yellow']).light).toBe('green');
    expect(rollUp(['yellow', 'yellow', 'yellow', 'red']).light).toBe('yellow');
    expect(rollUp(['yellow', 'red', 'red']).light).toBe('red');
  });

  it('ignores unknown children and says so', () => {
    const result = rollUp(['green', 'unknown', 'unknown']);
    expect(result).toMatchObject({ light: 'green', score: 2 });
    expect(result.counts.unknown).toBe(2);
    expect(result.explanation).toBe(
      'Mean score 2 over 1 child with data (1 green × 2, 0 yellow × 1, 0 red × 0) is at least 1.5, so green. 2 children without data ignored.',
    );
  });

  it('explains a red roll-up with its cut-off', () => {
    expect(rollUp(['yellow', 'red', 'red']).explanation).toBe(
      'Mean score 0.33 over 3 children with data (0 green × 2, 1 yellow × 1, 2 red × 0) is below 0.75, so red.',
    );
  });

  it('is unknown with a null score when no child is known, or there are none', () => {
    expect(rollUp(['unknown', 'unknown'])).toEqual({
      light: 'unknown',
      score: null,
      counts: { green: 0, yellow: 0, red: 0, unknown: 2 },
      explanation: 'Only 2 children without data, so unknown.',
    });
    expect(rollUp([])).toMatchObject({ light: 'unknown', score: null });
  });

  it('follows a custom policy', () => {
    const strict: RollUpPolicy = {
      weights: { green: 3, yellow: 1, red: 0 },
      greenAt: 3,
      yellowAt: 1,
    };
    expect(rollUp(['green', 'green', 'yellow'], strict)).toMatchObject({
      light: 'yellow',
      score: 7 / 3,
    });
  });
});

describe('lightForScore', () => {
  it('maps scores by the cut-offs, null to unknown', () => {
    expect([2, 1.5, 1.49, 0.75, 0.74, 0, null].map((s) => lightForScore(s))).toEqual([
      'green',
      'green',
      'yellow',
      'yellow',
      'red',
      'red',
      'unknown',
    ]);
  });
});

describe('checkRollUpPolicy', () => {
  it('accepts the default policy', () => {
    expect(checkRollUpPolicy(DEFAULT_ROLL_UP).ok).toBe(true);
  });

  it('refuses weights that do not rise and cut-offs outside their band, with every reason', () => {
    const result = checkRollUpPolicy({
      weights: { green: 1, yellow: 2, red: 0 },
      greenAt: 5,
      yellowAt: 0,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('invalid_roll_up_policy');
    expect(result.reasons).toHaveLength(3);
    expect(result.reasons[0].message).toMatch(/rise from red to yellow to green/);
  });
});

describe('roll-up properties', () => {
  it('a roll-up lies within its children range: light between worst and best known child, score between their weights', () => {
    fc.assert(
      fc.property(lights, policies, (children, policy) => {
        const known = children.filter(isKnownLight);
        fc.pre(known.length > 0);
        const result = rollUp(children, policy);
        expect(result.light).not.toBe('unknown');
        if (result.light === 'unknown' || result.score === null) return;
        const ranks = known.map((l) => LIGHT_RANK[l]);
        expect(LIGHT_RANK[result.light]).toBeGreaterThanOrEqual(Math.min(...ranks));
        expect(LIGHT_RANK[result.light]).toBeLessThanOrEqual(Math.max(...ranks));
        const weights = known.map((l) => policy.weights[l]);
        expect(result.score).toBeGreaterThanOrEqual(Math.min(...weights));
        expect(result.score).toBeLessThanOrEqual(Math.max(...weights));
      }),
      { numRuns: 1000 },
    );
  });

  it('roll-up ignores unknown children unless all are unknown', () => {
    fc.assert(
      fc.property(lights, policies, (children, policy) => {
        const result = rollUp(children, policy);
        const known = children.filter(isKnownLight);
        if (known.length === 0) {
          expect(result.light).toBe('unknown');
          expect(result.score).toBeNull();
        } else {
          const withoutUnknown = rollUp(known, policy);
          expect(result.light).toBe(withoutUnknown.light);
          expect(result.score).toBe(withoutUnknown.score);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('counts add up to the number of children', () => {
    fc.assert(
      fc.property(lights, (children) => {
        const { green, yellow, red, unknown } = rollUp(children).counts;
        expect(green + yellow + red + unknown).toBe(children.length);
        expect(countLights(children)).toEqual(rollUp(children).counts);
      }),
      { numRuns: 1000 },
    );
  });

  it('the order of the children never changes the roll-up', () => {
    fc.assert(
      fc.property(lights, policies, (children, policy) => {
        const reversed = [...children].reverse();
        expect(rollUp(reversed, policy)).toEqual(rollUp(children, policy));
      }),
      { numRuns: 1000 },
    );
  });
});
