import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysAgo, NOW } from './partner-fixtures.js';
import { isProfileStale, profileAgeDays, staleProfileCutoff } from './staleness.js';

describe('isProfileStale', () => {
  it('keeps a profile updated within the default 180 days fresh', () => {
    expect(isProfileStale(daysAgo(30), NOW)).toBe(false);
    expect(isProfileStale(daysAgo(180), NOW)).toBe(false);
  });

  it('flags a profile not updated for more than 180 days', () => {
    expect(isProfileStale(daysAgo(181), NOW)).toBe(true);
    expect(isProfileStale('2025-06-01T00:00:00Z', new Date(NOW))).toBe(true);
  });

  it('honours the program setting', () => {
    expect(isProfileStale(daysAgo(31), NOW, 30)).toBe(true);
    expect(isProfileStale(daysAgo(29), NOW, 30)).toBe(false);
  });
});

describe('profileAgeDays', () => {
  it('counts whole days since the update', () => {
    expect(profileAgeDays(daysAgo(30), NOW)).toBe(30);
    expect(profileAgeDays('2026-05-31T12:00:00Z', NOW)).toBe(0);
  });

  it('never goes negative when the update lies ahead of the clock', () => {
    expect(profileAgeDays('2026-06-05T00:00:00Z', NOW)).toBe(0);
  });
});

describe('staleProfileCutoff', () => {
  it('is the instant staleAfterDays before now', () => {
    expect(staleProfileCutoff(NOW)).toBe(daysAgo(180));
    expect(staleProfileCutoff(new Date(NOW), 30)).toBe(daysAgo(30));
  });

  it('agrees with isProfileStale: an update is stale exactly when it lies before the cutoff', () => {
    const day = 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2100-01-01') }),
        fc.integer({ min: 1, max: 3650 }),
        fc.integer({ min: -2, max: 2 }),
        fc.integer({ min: -5000, max: 5000 }),
        (nowMs, days, dayOffset, msOffset) => {
          // Updates near the boundary, where a disagreement would show.
          const updatedMs = nowMs - (days + dayOffset) * day + msOffset;
          const updated = new Date(updatedMs).toISOString();
          const now = new Date(nowMs);
          expect(isProfileStale(updated, now, days)).toBe(
            updatedMs < Date.parse(staleProfileCutoff(now, days)),
          );
        },
      ),
    );
  });
});
