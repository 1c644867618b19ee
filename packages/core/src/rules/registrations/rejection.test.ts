import { describe, expect, it } from 'vitest';
import { MANUAL_REJECTION_CODES } from '../../schemas/codes.js';
import { decideRejection } from './rejection.js';

const submitted = { status: 'submitted' as const };

describe('Every rejection carries a reason code from a published list and a human explanation; none without', () => {
  it('rejects with a published code and the trimmed reason', () => {
    expect(
      decideRejection({
        registration: submitted,
        code: 'insufficient_information',
        reason: '  Please add the end customer’s project name.  ',
        actor: 'vendor',
      }),
    ).toEqual({
      ok: true,
      reasons: [],
      value: {
        status: 'rejected',
        rejection: {
          code: 'insufficient_information',
          reason: 'Please add the end customer’s project name.',
        },
      },
    });
  });

  it('refuses an unknown code, listing the published ones', () => {
    const decision = decideRejection({
      registration: submitted,
      code: 'because',
      reason: 'x',
      actor: 'vendor',
    });
    expect(decision).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(decision.ok || decision.reasons[0].message).toContain(MANUAL_REJECTION_CODES.join(', '));
  });

  it('refuses an empty or blank reason', () => {
    for (const reason of ['', '   \n ']) {
      expect(
        decideRejection({ registration: submitted, code: 'other', reason, actor: 'vendor' }),
      ).toMatchObject({ ok: false, code: 'invalid_request' });
    }
  });

  it('refuses a reason over 2000 characters', () => {
    const reason = 'x'.repeat(2001);
    expect(
      decideRejection({ registration: submitted, code: 'other', reason, actor: 'vendor' }),
    ).toMatchObject({ ok: false, code: 'invalid_request' });
  });

  it('keeps the automatic codes for the system', () => {
    for (const code of ['vendor_direct_account', 'conflict_resolved']) {
      const args = { registration: submitted, code, reason: 'Because.' };
      expect(decideRejection({ ...args, actor: 'vendor' })).toMatchObject({
        ok: false,
        code: 'invalid_request',
      });
      expect(decideRejection({ ...args, actor: 'system' }).ok).toBe(true);
    }
  });

  it('rejects only a submitted registration, and never on a partner’s behalf', () => {
    const args = { code: 'other', reason: 'Because.' };
    expect(
      decideRejection({ ...args, registration: { status: 'approved' }, actor: 'vendor' }),
    ).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(decideRejection({ ...args, registration: submitted, actor: 'partner' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });
});
