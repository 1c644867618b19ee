import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addHours } from '../time.js';
import { findConflicts, type OtherRegistration } from './conflicts.js';
import { accounts, registration, reservation, T0 } from './registration-fixtures.js';

const now = '2026-03-10T09:00:00.000Z';
const mine = {
  id: 'mine',
  partnerId: 'p1',
  accountId: 'acme-de',
  products: ['Firewall'],
  submittedAt: T0,
};

const other = (overrides: Partial<OtherRegistration>) =>
  registration({ id: 'theirs', partnerId: 'p2', accountId: 'acme-us', ...overrides });

describe("Overlap with another partner's active registration on the same account tree and product line → flagged with its conflicts; the earliest submission has priority", () => {
  it('finds another partner’s registration anywhere in the same tree (same root)', () => {
    for (const accountId of ['acme', 'acme-de', 'acme-de-berlin', 'acme-us']) {
      const found = findConflicts({
        registration: mine,
        others: [other({ accountId })],
        accounts,
        now,
      });
      expect(found.map((c) => c.id)).toEqual(['theirs']);
    }
  });

  it('ignores other trees, other product lines, the same partner and inactive registrations', () => {
    const others = [
      other({ id: 'a', accountId: 'globex' }),
      other({ id: 'b', products: ['Switches'] }),
      other({ id: 'c', partnerId: 'p1' }),
      other({ id: 'd', status: 'rejected' }),
      other({ id: 'e', status: 'won' }),
      other({ id: 'f', status: 'approved', expiresAt: now }),
    ];
    expect(findConflicts({ registration: mine, others, accounts, now })).toEqual([]);
  });

  it('compares product lines case-insensitively and reports the shared ones', () => {
    const [conflict] = findConflicts({
      registration: { ...mine, products: ['Firewall', 'VPN'] },
      others: [other({ products: ['  FIREWALL', 'Switches'] })],
      accounts,
      now,
    });
    expect(conflict?.sharedProducts).toEqual(['Firewall']);
  });

  it('gives priority to the earlier submission, and breaks a tie by id', () => {
    const earlier = other({ id: 'x-early', submittedAt: addHours(T0, -1) });
    const later = other({ id: 'x-late', submittedAt: addHours(T0, 1) });
    const tieLow = other({ id: 'a-tie', submittedAt: T0 });
    const tieHigh = other({ id: 'z-tie', submittedAt: T0 });
    const found = findConflicts({
      registration: mine,
      others: [later, tieHigh, earlier, tieLow],
      accounts,
      now,
    });
    expect(found.map((c) => [c.id, c.priority])).toEqual([
      ['x-early', 'theirs'],
      ['a-tie', 'theirs'],
      ['z-tie', 'ours'],
      ['x-late', 'ours'],
    ]);
  });

  it('lets a stored registration win a tie against one not yet stored', () => {
    const { id: _omit, ...unsaved } = mine;
    const [conflict] = findConflicts({ registration: unsaved, others: [other({})], accounts, now });
    expect(conflict?.priority).toBe('theirs');
  });
});

describe('On an account tree reserved by another partner, the registration is flagged in conflict with that reservation, whose holder has priority', () => {
  it('flags an active reservation on the same branch with priority theirs', () => {
    const found = findConflicts({
      registration: mine,
      others: [],
      reservations: [reservation({ accountId: 'acme', createdAt: '2026-04-01T00:00:00.000Z' })],
      accounts,
      now,
    });
    expect(found).toMatchObject([
      { kind: 'reservation', id: 'res-1', partnerId: 'p2', priority: 'theirs' },
    ]);
  });

  it('ignores own, released, expired, off-branch and other-region reservations', () => {
    const reservations = [
      reservation({ id: 'own', partnerId: 'p1' }),
      reservation({ id: 'released', status: 'released' }),
      reservation({ id: 'lapsed', expiresAt: now }),
      reservation({ id: 'sibling', accountId: 'acme-us' }),
      reservation({ id: 'region', region: 'NA' }),
    ];
    const found = findConflicts({
      registration: { ...mine, region: 'EMEA' },
      others: [],
      reservations,
      accounts,
      now,
    });
    expect(found).toEqual([]);
  });

  it('flags a reservation on a descendant of the registered account', () => {
    const found = findConflicts({
      registration: { ...mine, accountId: 'acme' },
      others: [],
      reservations: [reservation({ accountId: 'acme-de-berlin', region: 'emea' })],
      accounts,
      now,
    });
    expect(found.map((c) => c.id)).toEqual(['res-1']);
  });
});

describe('first-come priority, for any set of overlapping registrations', () => {
  const claim = fc.record({
    partnerId: fc.constantFrom('p1', 'p2', 'p3'),
    accountId: fc.constantFrom('acme', 'acme-de', 'acme-de-berlin', 'acme-us'),
    products: fc.subarray(['Firewall', 'firewall', 'VPN', 'Switches'], { minLength: 1 }),
    minutes: fc.integer({ min: 0, max: 5 }),
  });
  const claims = fc
    .array(claim, { minLength: 2, maxLength: 8 })
    .map((list) =>
      list.map((c, i) =>
        registration({ ...c, id: `r${i}`, submittedAt: addHours(T0, c.minutes / 60) }),
      ),
    );

  it('property: the earliest submission in a conflict set always has priority "ours"', () => {
    fc.assert(
      fc.property(claims, (all) => {
        for (const reg of all) {
          const conflicts = findConflicts({ registration: reg, others: all, accounts, now });
          const earliest = conflicts.every(
            (c) =>
              Date.parse(c.submittedAt) > Date.parse(reg.submittedAt) ||
              (c.submittedAt === reg.submittedAt && c.id > reg.id),
          );
          if (earliest) expect(conflicts.every((c) => c.priority === 'ours')).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('property: priority is antisymmetric — when A sees B as "theirs", B sees A as "ours"', () => {
    fc.assert(
      fc.property(claims, (all) => {
        for (const a of all) {
          for (const c of findConflicts({ registration: a, others: all, accounts, now })) {
            const b = all.find((r) => r.id === c.id)!;
            const back = findConflicts({ registration: b, others: [a], accounts, now });
            expect(back).toHaveLength(1);
            expect(back[0]?.priority).toBe(c.priority === 'theirs' ? 'ours' : 'theirs');
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
