import { describe, expect, it } from 'vitest';
import { daysAgo, NOW } from './partner-fixtures.js';
import { isProfileStale, profileAgeDays } from './staleness.js';

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
