/**
 * Plays the registration plans through core's rules in time order, the way the server would
 * have seen them: submission (gating, vendor-direct, conflicts), SLA breaches, approval (with
 * `conflict_resolved` rejections), rejection, withdrawal, closing, extensions, escalation and
 * expiry. A step a rule refuses is a bug in the demo data, so it throws rather than bending.
 */
import { dueExpiryWarnings } from '@openprm/core';
import {
  comment,
  decideExtension,
  escalate,
  requestExtension,
} from './registration-conversation.js';
import {
  approve,
  checkExpiry,
  checkSla,
  close,
  reject,
  submit,
  withdraw,
} from './registration-decisions.js';
import { type EngineInput, Ledger, type Step } from './registration-ledger.js';
import type { RegistrationPlan } from './registration-plans.js';
import type { DemoAudit, DemoComment, DemoExtension, DemoRegistration } from './world.js';

export type { EngineInput } from './registration-ledger.js';

export interface RegistrationWorld {
  registrations: DemoRegistration[];
  extensions: DemoExtension[];
  comments: DemoComment[];
  audits: Omit<DemoAudit, 'id'>[];
}

const run = (ledger: Ledger, index: number, step: Step) => {
  if (step.kind === 'submit') return submit(ledger, index, step.at);
  const r = ledger.registrations[index] as DemoRegistration;
  const { partner } = ledger.plans[index] as RegistrationPlan;
  const { at } = step;
  switch (step.kind) {
    case 'slaCheck':
      return checkSla(ledger, r, at);
    case 'expiryCheck':
      return checkExpiry(ledger, r, at);
    case 'approve':
      return approve(ledger, index, at, step.note);
    case 'reject':
      return reject(ledger, r, at, step.code, step.reason);
    case 'withdraw':
      return withdraw(ledger, r, at, partner.admin, step.reason);
    case 'close':
      return close(ledger, r, at, partner.admin, step.outcome, step.reason);
    case 'comment': {
      const author = step.author === 'vendor' ? ledger.input.reviewer : partner.rep;
      return comment(ledger, r, at, author, step.body);
    }
    case 'escalate':
      return escalate(ledger, r, at, partner.admin, step.reason);
    case 'requestExtension':
      return requestExtension(ledger, r, at, partner.admin, step);
    case 'decideExtension':
      return decideExtension(ledger, index, at, step.approve, step.reason);
  }
};

/**
 * As things stand at `now`: each conflict shows the other registration's current status (the
 * server keeps those in step; a reservation's status stays as met), and the expiry warnings
 * already due count as sent (the warning job would have sent them).
 */
const finish = (registrations: readonly DemoRegistration[], input: EngineInput) => {
  const byId = new Map(registrations.map((r) => [r.id, r]));
  for (const r of registrations) {
    for (const conflict of r.conflicts) {
      if (conflict.kind !== 'registration') continue;
      conflict.status = byId.get(conflict.id)?.status ?? conflict.status;
    }
    if (r.status === 'approved' && r.expiresAt) {
      r.warningsSent = dueExpiryWarnings(
        { status: r.status, expiresAt: r.expiresAt },
        { alreadySent: [], settings: input.settings, now: input.now },
      ).map((warning) => warning.daysBefore);
    }
  }
};

export const runRegistrations = (input: EngineInput): RegistrationWorld => {
  const ledger = new Ledger(input);
  ledger.plans.forEach((plan, index) => {
    ledger.schedule(index, { kind: 'submit', at: plan.submittedAt });
    for (const step of plan.steps) ledger.schedule(index, step);
  });
  for (let next = ledger.next(); next; next = ledger.next()) run(ledger, next.index, next.step);
  const registrations = ledger.registrations.filter(Boolean);
  finish(registrations, input);
  return {
    registrations,
    extensions: ledger.extensions,
    comments: ledger.comments,
    audits: ledger.audits,
  };
};
