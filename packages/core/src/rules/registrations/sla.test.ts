import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegistrationStatus } from '../../schemas/registration.js';
import { addHours } from '../time.js';
import { registration, settings, T0 } from './registration-fixtures.js';
import {
  compareQueueOrder,
  decisionDueAt,
  findSlaBreaches,
  isOverdueForDecision,
  isSlaBreached,
} from './sla.js';

describe('Hard time limit for a decision (default 48 h): decisionDueAt; breaches are flagged, sorted first in the vendor queue, and emitted as events', () => {
  it('is due 48 hours after submission by default', () => {
    expect(decisionDueAt(T0, settings)).toBe('2026-03-04T09:00:00.000Z');
    expect(decisionDueAt(T0, { decisionHours: 4 })).toBe('2026-03-02T13:00:00.000Z');
  });

  it('is breached only while submitted and after the due time', () => {
    const r = registration();
    expect(isSlaBreached(r, r.decisionDueAt)).toBe(false);
    expect(isSlaBreached(r, addHours(r.decisionDueAt, 0.001))).toBe(true);
    expect(isSlaBreached({ ...r, status: 'approved' }, addHours(r.decisionDueAt, 1))).toBe(false);
  });

  it('reports each breach once (idempotent)', () => {
    const late = registration({ id: 'late' });
    const fresh = registration({ id: 'fresh', submittedAt: addHours(T0, 40) });
    const decided = registration({ id: 'decided', status: 'rejected' });
    const now = addHours(T0, 50);
    const found = findSlaBreaches([late, fresh, decided], now);
    expect(found).toEqual(['late']);
    const flagged = [late, fresh, decided].map((r) =>
      found.includes(r.id) ? { ...r, slaBreached: true } : r,
    );
    expect(findSlaBreaches(flagged, now)).toEqual([]);
  });

  it('sorts breaches first, then by due time, submission and id', () => {
    const now = addHours(T0, 60);
    const queue = [
      registration({ id: 'b', submittedAt: addHours(T0, 30) }),
      registration({ id: 'a', submittedAt: addHours(T0, 30) }),
      registration({ id: 'breached-late', submittedAt: addHours(T0, 5) }),
      registration({ id: 'breached-early', submittedAt: T0 }),
      registration({ id: 'soon', submittedAt: addHours(T0, 20) }),
    ];
    const ordered = queue.sort((x, y) => compareQueueOrder(x, y, now)).map((r) => r.id);
    expect(ordered).toEqual(['breached-early', 'breached-late', 'soon', 'a', 'b']);
  });

  const entry = fc.record({
    id: fc.stringMatching(/^r[0-9]{1,3}$/),
    status: fc.constantFrom(...RegistrationStatus.options),
    submittedHours: fc.integer({ min: 0, max: 200 }),
    decisionHours: fc.integer({ min: 1, max: 96 }),
    slaBreached: fc.boolean(),
  });

  it('property: queue order puts every breached registration before every non-breached one', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 12 }),
        fc.integer({ min: 0, max: 300 }),
        (raw, hours) => {
          const now = addHours(T0, hours);
          const queue = raw.map((e) => {
            const submittedAt = addHours(T0, e.submittedHours);
            return registration({
              id: e.id,
              status: e.status,
              submittedAt,
              decisionDueAt: addHours(submittedAt, e.decisionHours),
              slaBreached: e.slaBreached,
            });
          });
          const sorted = [...queue].sort((a, b) => compareQueueOrder(a, b, now));
          const flags = sorted.map((r) => isOverdueForDecision(r, now));
          const firstNotBreached = flags.indexOf(false);
          if (firstNotBreached >= 0) expect(flags.slice(firstNotBreached)).not.toContain(true);
          // Every submitted registration past its due time counts as breached.
          for (const r of sorted)
            if (isSlaBreached(r, now)) expect(isOverdueForDecision(r, now)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('property: findSlaBreaches is idempotent — flagging what it returns leaves nothing to report', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 12 }),
        fc.integer({ min: 0, max: 300 }),
        (raw, hours) => {
          const now = addHours(T0, hours);
          const regs = raw.map((e, i) =>
            registration({
              id: `${e.id}-${i}`,
              status: e.status,
              submittedAt: addHours(T0, e.submittedHours),
              slaBreached: e.slaBreached,
            }),
          );
          const first = findSlaBreaches(regs, now);
          for (const id of first)
            expect(isSlaBreached(regs.find((r) => r.id === id)!, now)).toBe(true);
          const flagged = regs.map((r) => (first.includes(r.id) ? { ...r, slaBreached: true } : r));
          expect(findSlaBreaches(flagged, now)).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
