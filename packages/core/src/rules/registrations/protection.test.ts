import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addHours } from '../time.js';
import { dueExpiryWarnings, findExpired } from './protection.js';
import { registration, settings, T0 } from './registration-fixtures.js';

const expiresAt = addDays(T0, 90);
const approved = registration({ status: 'approved', approvedAt: T0, expiresAt });
const due = (now: string, alreadySent: number[] = []) =>
  dueExpiryWarnings(approved, { alreadySent, settings, now }).map((w) => w.daysBefore);

describe('Warnings before expiry (14 and 3 days); expiry is enforced', () => {
  it('sends nothing before the first window', () => {
    expect(due(addDays(expiresAt, -15))).toEqual([]);
  });

  it('sends the 14-day warning from 14 days before, once', () => {
    const now = addDays(expiresAt, -14);
    expect(dueExpiryWarnings(approved, { alreadySent: [], settings, now })).toEqual([
      { daysBefore: 14, daysLeft: 14 },
    ]);
    expect(due(addDays(expiresAt, -10), [14])).toEqual([]);
  });

  it('sends the 3-day warning from 3 days before', () => {
    expect(due(addDays(expiresAt, -2.5), [14])).toEqual([3]);
  });

  it('still sends a warning whose moment passed (approved late), once, before expiry', () => {
    const short = { ...approved, expiresAt: addDays(T0, 2) };
    const warnings = dueExpiryWarnings(short, { alreadySent: [], settings, now: T0 });
    expect(warnings).toEqual([
      { daysBefore: 14, daysLeft: 2 },
      { daysBefore: 3, daysLeft: 2 },
    ]);
    expect(dueExpiryWarnings(short, { alreadySent: [14, 3], settings, now: T0 })).toEqual([]);
  });

  it('sends no warning at or after expiry, nor for registrations not approved', () => {
    expect(due(expiresAt)).toEqual([]);
    const withdrawn = { ...approved, status: 'withdrawn' as const };
    expect(
      dueExpiryWarnings(withdrawn, { alreadySent: [], settings, now: addDays(expiresAt, -1) }),
    ).toEqual([]);
  });

  it('finds approved registrations whose protection has ended', () => {
    const regs = [
      { ...approved, id: 'ended' },
      { ...approved, id: 'running', expiresAt: addDays(expiresAt, 1) },
      { ...approved, id: 'won', status: 'won' as const },
    ];
    expect(findExpired(regs, expiresAt)).toEqual(['ended']);
    expect(findExpired(regs, addHours(expiresAt, -1))).toEqual([]);
  });

  it('property: run at any sequence of times, each warning is sent at most once, never after expiry, and every one is sent when the job runs in the last hour before expiry', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 0, max: 45 * 24 }), { maxLength: 12 }),
        (protectionDays, runHours) => {
          const end = addDays(T0, protectionDays);
          const reg = { ...approved, expiresAt: end };
          const runs = [
            ...runHours.sort((a, b) => a - b).map((h) => addHours(T0, h)),
            addHours(end, -0.5),
          ];
          const sent: number[] = [];
          for (const now of runs) {
            const warnings = dueExpiryWarnings(reg, { alreadySent: sent, settings, now });
            if (Date.parse(now) >= Date.parse(end)) expect(warnings).toEqual([]);
            sent.push(...warnings.map((w) => w.daysBefore));
          }
          expect([...sent].sort()).toEqual([...new Set(sent)].sort());
          expect([...sent].sort((a, b) => a - b)).toEqual([3, 14]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
