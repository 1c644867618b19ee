import { describe, expect, it } from 'vitest';
import { checkExtension, checkRejection, planAction } from './registration-list.validation.js';

describe('checkExtension', () => {
  it('accepts a justification and whole days from 1 to 180, trimmed', () => {
    expect(checkExtension('  Board meeting moved.  ', ' 30 ')).toEqual({
      ok: true,
      input: { justification: 'Board meeting moved.', days: 30 },
    });
    expect(checkExtension('x', '1').ok).toBe(true);
    expect(checkExtension('x', '180').ok).toBe(true);
  });

  it.each(['', '0', '181', '2.5', '-3', 'ten', '1e3'])('refuses %j days', (days) => {
    expect(checkExtension('Reason', days)).toEqual({ ok: false, errors: { days: 'daysInvalid' } });
  });

  it('needs a justification that says something', () => {
    expect(checkExtension('   ', '10')).toEqual({
      ok: false,
      errors: { justification: 'justificationRequired' },
    });
  });
});

describe('checkRejection', () => {
  it('accepts a manual code with a reason', () => {
    expect(checkRejection('duplicate', ' Same deal as reg_1. ')).toEqual({
      ok: true,
      input: { code: 'duplicate', reason: 'Same deal as reg_1.' },
    });
  });

  it('refuses an empty reason and a missing code, naming both fields', () => {
    expect(checkRejection('', '  ')).toEqual({
      ok: false,
      errors: { code: 'codeRequired', reason: 'reasonRequired' },
    });
  });

  it('refuses the codes reserved for automatic rules', () => {
    expect(checkRejection('conflict_resolved', 'Another partner was first.')).toEqual({
      ok: false,
      errors: { code: 'codeRequired' },
    });
  });
});

describe('planAction', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return data;
  };

  it('plans the SDK call of a valid form', () => {
    expect(planAction('approve', 'reg_1', form({ note: '' }))).toMatchObject({ action: 'approve' });
    expect(planAction('comment', 'reg_1', form({ body: 'Hi' }))).toMatchObject({
      action: 'comment',
    });
    expect(
      planAction('extension', 'reg_1', form({ justification: 'Later board', days: '30' })),
    ).toMatchObject({ action: 'request-extension' });
  });

  it('names the fields of an invalid form instead', () => {
    expect(planAction('comment', 'reg_1', form({ body: '  ' }))).toEqual({
      errors: { body: 'commentRequired' },
    });
    expect(planAction('reject', 'reg_1', form({ code: 'other', reason: '' }))).toEqual({
      errors: { reason: 'reasonRequired' },
    });
  });
});
