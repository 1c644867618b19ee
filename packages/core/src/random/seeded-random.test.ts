import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './seeded-random.js';

describe('createSeededRandom', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const draw = (seed: number) => {
      const random = createSeededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps forked streams independent of draws on the parent', () => {
    const a = createSeededRandom(7);
    const b = createSeededRandom(7);
    b.next();
    expect(a.fork('accounts').next()).toBe(b.fork('accounts').next());
  });

  it('stays in range: int within [min, max], sample of distinct items', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.nat(20),
        (seed, min, span) => {
          const random = createSeededRandom(seed);
          const value = random.int(min, min + span);
          expect(value).toBeGreaterThanOrEqual(min);
          expect(value).toBeLessThanOrEqual(min + span);
          const items = Array.from({ length: span + 1 }, (_, i) => i);
          const sample = random.sample(items, 3);
          expect(new Set(sample).size).toBe(sample.length);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createSeededRandom(1).pick([])).toThrow(RangeError);
  });
});
