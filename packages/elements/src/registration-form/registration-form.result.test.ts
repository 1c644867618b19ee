import type { Registration } from '@openprm/core';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { loadCatalogs, translate } from '../shared/localize.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { mount, textOf } from '../test-support/render.js';
import { registrationFormMessages } from './registration-form.messages.js';
import { renderResult } from './registration-form.result.js';

const now = new Date('2026-11-23T12:00:00Z');

const registration: Registration = {
  id: 'reg_1',
  partnerId: 'ptr_veltmann',
  accountId: 'acc_acme_uk',
  status: 'submitted',
  products: ['storage'],
  estimatedValue: { amount: 50_000, currency: 'EUR' },
  expectedCloseDate: '2027-03-31',
  submittedAt: now.toISOString(),
  decisionDueAt: '2026-11-25T11:59:30Z',
  slaBreached: false,
  contested: true,
  conflicts: [
    {
      kind: 'registration',
      submittedAt: '2026-11-24T09:00:00Z',
      status: 'submitted',
      priority: 'ours',
    },
    {
      kind: 'registration',
      submittedAt: '2026-11-20T09:00:00Z',
      status: 'approved',
      priority: 'theirs',
      partnerId: 'ptr_northquay',
    },
  ],
  extensionsUsed: 0,
  extensions: [],
  comments: [],
};

const show = async (value: Registration, locale: 'en' | 'de' = 'en') => {
  await loadCatalogs([registrationFormMessages], locale);
  return mount<HTMLElement>(
    html`<div>${renderResult(value, {
      t: (key, params) => translate(registrationFormMessages, locale, key, params),
      locale,
      accountName: 'ACME UK Ltd',
      now,
      onReset: () => {},
    })}</div>`,
  );
};

describe('registration result', () => {
  it('says in words whose claim has priority, and names the partner where disclosed', async () => {
    const element = await show(registration);
    const conflicts = [...element.querySelectorAll('[part="conflict"]')].map(textOf);
    expect(conflicts[0]).toContain('registered an overlapping deal later');
    expect(conflicts[0]).toContain('yours has priority');
    expect(conflicts[1]).toContain('earlier');
    expect(conflicts[1]).toContain('approved');
    expect(conflicts[1]).toContain('they have priority. Partner: ptr_northquay.');
    expect(textOf(element.querySelector('[part="decision-due"]'))).toContain('(in 2 days)');
    await expectNoAxeViolations(element);
  });

  it('says a claim exists when the policy discloses nothing more, in German too', async () => {
    const element = await show({ ...registration, conflicts: [] }, 'de');
    expect(textOf(element.querySelector('[part="conflicts"]'))).toContain(
      'das Programm legt keine Details offen',
    );
    expect(textOf(element.querySelector('[part="outcome"]'))).toContain('umstritten');
  });
});
