import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { CreateAccountInput } from './account.js';
import { ERROR_CODES, ERROR_STATUS, REJECTION_CODES, REJECTION_REASONS } from './codes.js';
import { Id, Money, Timestamp } from './common.js';
import { AcceptContractInput } from './contract.js';
import { PartnerSearchQuery } from './partner.js';
import { Problem } from './problem.js';
import { RegistrationListQuery, SubmitRegistrationInput } from './registration.js';
import { Period, Thresholds } from './scorecard.js';

const submit = {
  accountId: 'acc_1',
  products: ['Cloud Suite'],
  estimatedValue: { amount: 120_000, currency: 'EUR' },
  expectedCloseDate: '2027-03-31',
};

const paths = (result: { success: boolean; error?: z.core.$ZodError }) =>
  (result.error?.issues ?? []).map((issue) => issue.path.join('.'));

describe('entity schemas', () => {
  it('accepts a complete registration submission', () => {
    expect(SubmitRegistrationInput.safeParse(submit).success).toBe(true);
  });

  it('names every invalid field of a submission', () => {
    const result = SubmitRegistrationInput.safeParse({
      ...submit,
      products: [],
      estimatedValue: { amount: -1, currency: 'euro' },
      expectedCloseDate: '31.03.2027',
    });
    expect(paths(result).sort()).toEqual(
      ['estimatedValue.amount', 'estimatedValue.currency', 'expectedCloseDate', 'products'].sort(),
    );
  });

  it('keeps ids to one URL-safe path segment', () => {
    expect(Id.safeParse('reg_01H8X').success).toBe(true);
    expect(Id.safeParse('../admin').success).toBe(false);
    expect(Id.safeParse('').success).toBe(false);
  });

  it('requires timestamps with an offset and ISO currency codes', () => {
    expect(Timestamp.safeParse('2026-11-23T09:00:00Z').success).toBe(true);
    expect(Timestamp.safeParse('2026-11-23 09:00').success).toBe(false);
    expect(Money.safeParse({ amount: 10, currency: 'EUR' }).success).toBe(true);
    expect(Money.safeParse({ amount: 10, currency: 'eur' }).success).toBe(false);
  });

  it('trims names and refuses blank ones', () => {
    const parsed = CreateAccountInput.parse({ name: '  Acme Inc ', country: 'DE', region: 'DACH' });
    expect(parsed.name).toBe('Acme Inc');
    expect(
      CreateAccountInput.safeParse({ name: '   ', country: 'DE', region: 'DACH' }).success,
    ).toBe(false);
  });

  it('keeps thresholds and periods consistent', () => {
    expect(Thresholds.safeParse({ green: 1, yellow: 0.8 }).success).toBe(true);
    expect(Thresholds.safeParse({ green: 0.8, yellow: 1 }).success).toBe(false);
    expect(Period.safeParse({ from: '2026-10-01', to: '2026-12-31' }).success).toBe(true);
    expect(Period.safeParse({ from: '2026-12-31', to: '2026-10-01' }).success).toBe(false);
  });

  it('makes contract acceptance explicit: the hash of the text and accepted: true', () => {
    const hash = 'a'.repeat(64);
    expect(AcceptContractInput.safeParse({ hash, accepted: true }).success).toBe(true);
    expect(AcceptContractInput.safeParse({ hash, accepted: false }).success).toBe(false);
    expect(AcceptContractInput.safeParse({ hash: 'abc', accepted: true }).success).toBe(false);
  });
});

describe('query schemas', () => {
  it('turns query text into typed values', () => {
    expect(RegistrationListQuery.parse({ slaBreached: 'true', limit: '25' })).toEqual({
      slaBreached: true,
      limit: 25,
    });
    expect(PartnerSearchQuery.parse({ lat: '48.1', lng: '11.6', radiusKm: '50' })).toMatchObject({
      lat: 48.1,
      lng: 11.6,
      radiusKm: 50,
    });
  });

  it('refuses out-of-range limits and unknown booleans', () => {
    expect(RegistrationListQuery.safeParse({ limit: '1000' }).success).toBe(false);
    expect(RegistrationListQuery.safeParse({ slaBreached: 'yes' }).success).toBe(false);
  });
});

describe('codes', () => {
  it('gives every error code an HTTP status of 4xx or 5xx', () => {
    for (const code of ERROR_CODES) expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
  });

  it('publishes an explanation for every rejection code', () => {
    for (const code of REJECTION_CODES) expect(REJECTION_REASONS[code].length).toBeGreaterThan(20);
    expect(REJECTION_CODES).toEqual(Object.keys(REJECTION_REASONS));
  });

  it('describes problems as RFC 9457 documents with a stable code', () => {
    const problem = {
      type: 'https://openprm.dev/problems/account_reserved',
      title: 'Account reserved',
      status: 409,
      code: 'account_reserved',
      detail: 'Another partner holds this account until 2027-01-01.',
    };
    expect(Problem.safeParse(problem).success).toBe(true);
    expect(Problem.safeParse({ ...problem, code: 'made_up' }).success).toBe(false);
  });
});
