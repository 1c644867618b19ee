import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Extension } from '../../schemas/registration.js';
import { addDays } from '../time.js';
import { decideExtensionDecision, decideExtensionRequest } from './extensions.js';
import { registration, settings, T0 } from './registration-fixtures.js';

const expiresAt = addDays(T0, 90);
const now = addDays(T0, 80);
const approved = registration({ status: 'approved', approvedAt: T0, expiresAt });
const extension = (overrides: Partial<Extension> = {}): Extension => ({
  id: 'ext-1',
  requestedAt: now,
  justification: 'Customer moved the board meeting to next quarter.',
  days: 30,
  status: 'requested',
  ...overrides,
});
const ask = (reg = approved, days = 30, justification = 'Board meeting moved.') =>
  decideExtensionRequest({ registration: reg, justification, days, settings, now });

describe('Extensions: a partner asks with a justification; the vendor grants or refuses; limited count', () => {
  it('records a request with the trimmed justification', () => {
    expect(ask(approved, 30, '  Board meeting moved.  ')).toEqual({
      ok: true,
      reasons: [],
      value: {
        requestedAt: now,
        justification: 'Board meeting moved.',
        days: 30,
        status: 'requested',
      },
    });
  });

  it('needs a justification and 1–180 whole days', () => {
    expect(ask(approved, 30, '   ')).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(ask(approved, 0)).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(ask(approved, 181)).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(ask(approved, 1.5)).toMatchObject({ ok: false, code: 'invalid_request' });
  });

  it('extends only an approved registration that is still protected', () => {
    expect(ask({ ...approved, status: 'submitted' })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
    expect(ask({ ...approved, expiresAt: now })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });

  it('allows one pending request at a time', () => {
    expect(ask({ ...approved, extensions: [extension()] })).toMatchObject({
      ok: false,
      code: 'already_exists',
    });
  });

  it('stops at maxExtensions granted, not counting refused ones', () => {
    const granted = [
      extension({ status: 'approved' }),
      extension({ id: 'e2', status: 'approved' }),
    ];
    expect(ask({ ...approved, extensions: granted })).toMatchObject({
      ok: false,
      code: 'extension_limit_reached',
    });
    const refused = [
      extension({ status: 'approved' }),
      extension({ id: 'e2', status: 'rejected' }),
    ];
    expect(ask({ ...approved, extensions: refused }).ok).toBe(true);
  });

  it('granting moves expiresAt by the days asked and counts the extension', () => {
    const decision = decideExtensionDecision({
      registration: approved,
      extension: extension(),
      approve: true,
      now,
    });
    expect(decision).toEqual({
      ok: true,
      reasons: [],
      value: {
        extension: { ...extension(), status: 'approved', decidedAt: now },
        expiresAt: addDays(expiresAt, 30),
        extensionsUsed: 1,
      },
    });
  });

  it('refusing needs a reason and leaves the protection as it was', () => {
    const args = { registration: approved, extension: extension(), approve: false, now };
    expect(decideExtensionDecision({ ...args, reason: ' ' })).toMatchObject({
      ok: false,
      code: 'invalid_request',
    });
    expect(decideExtensionDecision({ ...args, reason: 'Deal stalled for a year.' })).toMatchObject({
      ok: true,
      value: {
        extension: { status: 'rejected', decisionReason: 'Deal stalled for a year.' },
        expiresAt,
        extensionsUsed: 0,
      },
    });
  });

  it('decides only a pending extension, and grants none after the protection ended', () => {
    expect(
      decideExtensionDecision({
        registration: approved,
        extension: extension({ status: 'approved' }),
        approve: true,
        now,
      }),
    ).toMatchObject({ ok: false, code: 'extension_not_pending' });
    expect(
      decideExtensionDecision({
        registration: { ...approved, status: 'expired' },
        extension: extension(),
        approve: true,
        now,
      }),
    ).toMatchObject({ ok: false, code: 'invalid_transition' });
  });

  it('property: however requests and decisions interleave, granted extensions never exceed maxExtensions and at most one request is pending', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.constantFrom('ask', 'grant', 'refuse'), { maxLength: 15 }),
        (maxExtensions, steps) => {
          let reg = { ...approved, expiresAt: addDays(now, 365) };
          for (const [i, step] of steps.entries()) {
            if (step === 'ask') {
              const decision = decideExtensionRequest({
                registration: reg,
                justification: 'Needed.',
                days: 10,
                settings: { maxExtensions },
                now,
              });
              if (decision.ok) {
                reg = {
                  ...reg,
                  extensions: [...reg.extensions, { ...decision.value, id: `e${i}` }],
                };
              }
            } else {
              const pending = reg.extensions.find((e) => e.status === 'requested');
              if (!pending) continue;
              const decision = decideExtensionDecision({
                registration: reg,
                extension: pending,
                approve: step === 'grant',
                reason: 'Decided.',
                now,
              });
              if (!decision.ok) throw new Error(decision.reasons[0].message);
              const { extension: decided, expiresAt: end, extensionsUsed } = decision.value;
              reg = {
                ...reg,
                ...(end === undefined ? {} : { expiresAt: end }),
                extensionsUsed,
                extensions: reg.extensions.map((e) => (e.id === decided.id ? decided : e)),
              };
            }
            const granted = reg.extensions.filter((e) => e.status === 'approved').length;
            expect(granted).toBeLessThanOrEqual(maxExtensions);
            expect(granted).toBe(reg.extensionsUsed);
            expect(
              reg.extensions.filter((e) => e.status === 'requested').length,
            ).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
