import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAM } from '../../schemas/program.js';
import { ACCOUNTS, inDays, NOW, reservation } from './reservation-fixtures.js';
import { decideReservation, type ReservationRequest } from './reservation-reserve.js';

const reserve = (overrides: Partial<ReservationRequest>) =>
  decideReservation({
    accountId: 'globex-de',
    partnerId: 'partner-2',
    region: 'EMEA',
    accounts: ACCOUNTS,
    reservations: [],
    settings: DEFAULT_PROGRAM,
    now: NOW,
    ...overrides,
  });

describe('decideReservation', () => {
  it('reserves an open account until reservationDays from now', () => {
    expect(reserve({})).toEqual({
      ok: true,
      value: {
        accountId: 'globex-de',
        partnerId: 'partner-2',
        region: 'EMEA',
        expiresAt: inDays(90),
      },
      reasons: [],
    });
    const shorter = reserve({ settings: { ...DEFAULT_PROGRAM, reservationDays: 30 } });
    expect(shorter.ok && shorter.value.expiresAt).toBe(inDays(30));
  });

  it('refuses a vendor-direct account and anything below it, naming the source', () => {
    const direct = reserve({ accountId: 'globex-gov' });
    expect(direct.ok).toBe(false);
    expect(!direct.ok && direct.code).toBe('vendor_direct_account');
    const below = reserve({ accountId: 'globex-gov-dc' });
    expect(!below.ok && below.reasons[0].message).toContain('globex-gov');
  });

  it('lets a partner reserve a parent whose descendant is vendor-direct', () => {
    expect(reserve({ accountId: 'globex', region: null }).ok).toBe(true);
  });

  it("refuses when another partner's reservation overlaps, naming where and until when but neither its id nor its holder", () => {
    const other = reservation({
      id: 'res-7',
      partnerId: 'partner-1',
      accountId: 'globex',
      region: null,
    });
    const decision = reserve({ reservations: [other] });
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.code).toBe('account_reserved');
    expect(decision.reasons[0].message).toContain('account globex');
    expect(decision.reasons[0].message).not.toContain('res-7');
    expect(decision.reasons[0].message).not.toContain('partner-1');
  });

  it('names no reservation of another partner when disclosure is none', () => {
    const other = reservation({ id: 'res-7', partnerId: 'partner-1' });
    const decision = reserve({
      reservations: [other],
      settings: { ...DEFAULT_PROGRAM, disclosure: 'none' },
    });
    expect(!decision.ok && decision.reasons[0].message).not.toContain('res-7');
  });

  it('refuses a second reservation of the same account and region, pointing to renewal', () => {
    const own = reservation({
      id: 'mine',
      partnerId: 'partner-2',
      accountId: 'globex-de',
      region: 'emea',
    });
    const decision = reserve({ reservations: [own] });
    expect(!decision.ok && decision.code).toBe('account_reserved');
    expect(!decision.ok && decision.reasons[0].message).toMatch(
      /already hold reservation mine.*renew/,
    );
  });

  it("refuses an overlap with the partner's own reservation elsewhere on the branch", () => {
    const own = reservation({
      id: 'mine',
      partnerId: 'partner-2',
      accountId: 'globex',
      region: null,
    });
    const decision = reserve({ reservations: [own] });
    expect(!decision.ok && decision.reasons[0].message).toMatch(
      /already hold reservation mine on account globex/,
    );
    expect(!decision.ok && decision.reasons[0].message).not.toMatch(/renew/);
  });

  it('gives one reason per blocking reservation, other partners first', () => {
    const own = reservation({
      id: 'mine',
      partnerId: 'partner-2',
      accountId: 'globex-berlin',
      createdAt: inDays(-9),
    });
    const other = reservation({ id: 'theirs', partnerId: 'partner-1', accountId: 'globex' });
    const decision = reserve({ reservations: [own, other] });
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.reasons.map((r) => r.code)).toEqual(['account_reserved', 'account_reserved']);
    expect(decision.reasons[0].message).toContain('Another partner');
    expect(decision.reasons[0].message).not.toContain('theirs');
    expect(decision.reasons[1]?.message).toContain('mine');
  });

  it('is open again once the blocking reservation expired, even before the sweep', () => {
    const lapsed = reservation({ partnerId: 'partner-1', expiresAt: NOW });
    expect(reserve({ reservations: [lapsed] }).ok).toBe(true);
  });

  it('allows a different region of the same account', () => {
    const na = reservation({ partnerId: 'partner-1', accountId: 'globex', region: 'NA' });
    expect(reserve({ reservations: [na] }).ok).toBe(true);
    expect(reserve({ reservations: [na], region: null }).ok).toBe(false);
  });
});
