import { describe, expect, it } from 'vitest';
import {
  fieldOfPath,
  invalidFields,
  SubmissionKey,
  splitProducts,
  toInput,
  validateInput,
} from './registration-form.validation.js';

const empty = {
  accountId: '',
  products: [],
  amount: '',
  currency: 'EUR',
  closeDate: '',
  notes: '',
};

describe('registration form validation', () => {
  it('finds every missing field of an empty form with the contract’s schema', () => {
    const { fields } = invalidFields(validateInput(toInput(empty, undefined)));
    expect([...fields].sort()).toEqual(['account', 'amount', 'closeDate', 'products']);
  });

  it('accepts a complete form and leaves blank notes out', () => {
    const input = toInput(
      {
        ...empty,
        accountId: 'acc_acme',
        products: ['storage'],
        amount: '1200.5',
        closeDate: '2027-03-31',
      },
      'ptr_veltmann',
    );
    expect(validateInput(input)).toEqual([]);
    expect(input).toEqual({
      accountId: 'acc_acme',
      products: ['storage'],
      estimatedValue: { amount: 1200.5, currency: 'EUR' },
      expectedCloseDate: '2027-03-31',
      partnerId: 'ptr_veltmann',
    });
  });

  it('maps server paths to fields and keeps the rest for the summary', () => {
    expect(fieldOfPath('estimatedValue.currency')).toBe('currency');
    expect(fieldOfPath('body.estimatedValue.amount')).toBe('amount');
    expect(fieldOfPath('products.3')).toBe('products');
    const { fields, other } = invalidFields([
      { path: 'notes', message: 'Too long' },
      { path: 'partnerId', message: 'Unknown partner' },
    ]);
    expect([...fields]).toEqual(['notes']);
    expect(other).toEqual(['partnerId: Unknown partner']);
  });

  it('splits a comma list of products without blanks or repeats', () => {
    expect(splitProducts(' storage, ,networking,storage ', ['security'])).toEqual([
      'storage',
      'networking',
    ]);
    expect(splitProducts('security', ['security'])).toEqual([]);
  });

  it('keeps one idempotency key per filled-in form', () => {
    let next = 0;
    const keys = new SubmissionKey(() => `key-${++next}`);
    expect(keys.for({ a: 1 })).toBe('key-1');
    expect(keys.for({ a: 1 })).toBe('key-1');
    expect(keys.for({ a: 2 })).toBe('key-2');
    keys.forget();
    expect(keys.for({ a: 2 })).toBe('key-3');
  });
});
