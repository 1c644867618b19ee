import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DisclosureLevel } from '../../schemas/registration.js';
import type { ConflictRecord } from './conflicts.js';
import { discloseConflicts } from './disclosure.js';

const record: ConflictRecord = {
  kind: 'registration',
  id: 'reg-secret',
  partnerId: 'p-rival',
  accountId: 'acme-us',
  submittedAt: '2026-03-01T10:00:00.000Z',
  status: 'submitted',
  priority: 'theirs',
  sharedProducts: ['Firewall'],
};
const existence = {
  kind: 'registration',
  submittedAt: '2026-03-01T10:00:00.000Z',
  status: 'submitted',
  priority: 'theirs',
};

describe('conflict details are shared per the disclosure policy: none, existence (default), identity', () => {
  it('none: the partner only learns its registration is contested', () => {
    expect(discloseConflicts([record], { level: 'none', viewer: 'partner' })).toEqual({
      contested: true,
      conflicts: [],
    });
  });

  it('existence: when the other registration was submitted and its status, not who', () => {
    expect(discloseConflicts([record], { level: 'existence', viewer: 'partner' })).toEqual({
      contested: true,
      conflicts: [existence],
    });
  });

  it('identity: also which partner, but still no record id', () => {
    expect(discloseConflicts([record], { level: 'identity', viewer: 'partner' })).toEqual({
      contested: true,
      conflicts: [{ ...existence, partnerId: 'p-rival' }],
    });
  });

  it('the vendor sees ids and partners whatever the level', () => {
    expect(discloseConflicts([record], { level: 'none', viewer: 'vendor' }).conflicts).toEqual([
      { ...existence, id: 'reg-secret', partnerId: 'p-rival' },
    ]);
  });

  it('re-discloses a stored vendor view for a partner', () => {
    const stored = discloseConflicts([record], { level: 'none', viewer: 'vendor' }).conflicts;
    expect(discloseConflicts(stored, { level: 'existence', viewer: 'partner' }).conflicts).toEqual([
      existence,
    ]);
  });

  it('is not contested without conflicts', () => {
    expect(discloseConflicts([], { level: 'identity', viewer: 'partner' })).toEqual({
      contested: false,
      conflicts: [],
    });
  });

  it('property: disclosure never reveals another partner’s id or record id to a partner unless level is identity (partnerId only)', () => {
    const conflictRecord = fc.record({
      kind: fc.constantFrom('registration' as const, 'reservation' as const),
      id: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
      partnerId: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
      accountId: fc.constant('acme'),
      submittedAt: fc.constant('2026-03-01T10:00:00.000Z'),
      status: fc.constantFrom('submitted', 'approved', 'active'),
      priority: fc.constantFrom('theirs' as const, 'ours' as const),
      sharedProducts: fc.constant([]),
    });
    fc.assert(
      fc.property(
        fc.array(conflictRecord, { maxLength: 5 }),
        fc.constantFrom(...DisclosureLevel.options),
        (records, level) => {
          const shown = discloseConflicts(records, { level, viewer: 'partner' });
          expect(shown.contested).toBe(records.length > 0);
          const allowedKeys = ['kind', 'priority', 'status', 'submittedAt'];
          if (level === 'identity') allowedKeys.push('partnerId');
          for (const [i, conflict] of shown.conflicts.entries()) {
            // Exactly the fields the level allows: never `id`, `partnerId` only for identity.
            expect(Object.keys(conflict).sort()).toEqual(allowedKeys.sort());
            if (level === 'identity') expect(conflict.partnerId).toBe(records[i]?.partnerId);
          }
          if (level === 'none') expect(shown.conflicts).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
