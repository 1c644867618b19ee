import { describe, expect, it } from 'vitest';
import { type NextBestActionInput, nextBestAction } from './next-best-action.js';

const base: NextBestActionInput = {
  metric: 'revenue',
  light: 'yellow',
  attainment: 0.85,
  trend: 'flat',
  actual: 85_000,
  target: 100_000,
};

describe('nextBestAction', () => {
  it('says nothing for green objectives that are not slipping', () => {
    expect(nextBestAction({ ...base, light: 'green', trend: 'improving' })).toBeNull();
    expect(nextBestAction({ ...base, light: 'green', trend: 'flat' })).toBeNull();
    expect(nextBestAction({ ...base, light: 'green', trend: 'unknown' })).toBeNull();
  });

  it('warns a green objective that is worsening', () => {
    expect(nextBestAction({ ...base, light: 'green', trend: 'worsening' })).toBe(
      'On track, but revenue is slipping: register more deals and close the approved ones to stay ahead.',
    );
  });

  it('asks for more deals on revenue and pipeline, with the gap and unit', () => {
    expect(nextBestAction({ ...base, unit: 'EUR' })).toBe(
      'Register more deals and close the approved ones: 15,000 EUR to go (85 % of target).',
    );
    expect(
      nextBestAction({
        ...base,
        metric: 'pipeline',
        actual: 1234.5,
        target: 2000,
        attainment: 0.61725,
      }),
    ).toBe('Register more deals to build pipeline: 765.5 to go (61 % of target).');
  });

  it('asks to follow up approved registrations, counting the wins needed', () => {
    const input = {
      ...base,
      metric: 'registrations_won',
      actual: 7,
      target: 10,
      attainment: 0.7,
    } as const;
    expect(nextBestAction({ ...input, light: 'red' })).toBe(
      'Follow up approved registrations before they expire: 3 more wins needed (70 % of target).',
    );
    expect(nextBestAction({ ...input, light: 'red', trend: 'worsening' })).toMatch(
      /^Urgent: Follow up/,
    );
  });

  it('asks to enrol the missing number of people in certification', () => {
    const input = { ...base, metric: 'certified_people', target: 5, attainment: 0.8 } as const;
    expect(nextBestAction({ ...input, actual: 4 })).toBe(
      'Enrol 1 person in certification (80 % of target).',
    );
    expect(nextBestAction({ ...input, actual: 2.5, attainment: 0.5, light: 'red' })).toBe(
      'Enrol 3 people in certification (50 % of target).',
    );
  });

  it('asks to review turnover', () => {
    expect(
      nextBestAction({ ...base, metric: 'turnover', actual: 50, target: 80, attainment: 0.625 }),
    ).toBe('Review turnover with the partner and agree a sales plan: 30 to go (62 % of target).');
  });

  it('asks to bring a lower-is-better metric down by its excess', () => {
    expect(
      nextBestAction({
        ...base,
        direction: 'lower_is_better',
        actual: 120,
        target: 100,
        attainment: 0.83,
      }),
    ).toBe('Bring revenue down: 20 over the target.');
  });

  it('omits the gap when the actual is not short of the target', () => {
    expect(nextBestAction({ ...base, actual: 105_000, attainment: 1.05 })).toBe(
      'Register more deals and close the approved ones (105 % of target).',
    );
  });

  it('asks for actuals, or a target, when the light is unknown', () => {
    const unknown = { ...base, light: 'unknown', attainment: null } as const;
    expect(nextBestAction({ ...unknown, actual: null })).toBe(
      'Record actuals for revenue so progress can be measured.',
    );
    expect(nextBestAction({ ...unknown, metric: 'certified_people', target: null })).toBe(
      'Set a target for certified people so progress can be judged.',
    );
  });
});
