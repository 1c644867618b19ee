/**
 * The lifecycle steps of the demo engine: submission, the SLA and expiry sweeps, approval (with
 * the `conflict_resolved` rejections it implies), rejection, withdrawal and closing. Each asks
 * core's rule at the step's moment and records the change as the server would.
 */
import {
  decideApproval,
  decideRejection,
  decideSubmission,
  findConflicts,
  findExpired,
  findSlaBreaches,
  type RejectionCode,
} from '@openprm/core';
import { type Ledger, refused, ruleActor, toOther } from './registration-ledger.js';
import type { RegistrationPlan } from './registration-plans.js';
import { jobRunAfter, sequentialId } from './util.js';
import type { DemoActor, DemoRegistration } from './world.js';

/** The time-driven jobs, named as the server's jobs name themselves (`jobs/job.ts`). */
const JOB = {
  slaBreaches: { type: 'system', id: 'job:sla-breaches' },
  expiry: { type: 'system', id: 'job:registration-expiry' },
} as const satisfies Record<string, DemoActor>;

export const submit = (ledger: Ledger, index: number, at: string) => {
  const plan = ledger.plans[index] as RegistrationPlan;
  const id = sequentialId('reg', index);
  const rootId = plan.account.rootId;
  const others = ledger.onTree(rootId);
  const decision = decideSubmission({
    input: { accountId: plan.account.id, products: plan.products },
    partnerId: plan.partner.id,
    id,
    accounts: ledger.treeIndex(rootId),
    pendingContracts: ledger.input.pendingAt(plan.partner.id, at),
    activeRegistrations: others.map(toOther),
    activeReservations: ledger.input.reservationsAt(rootId, at),
    region: plan.account.region,
    settings: ledger.input.settings,
    now: at,
  });
  if (!decision.ok) throw refused(id, 'submit', decision.reasons);
  const outcome = decision.value;
  const r: DemoRegistration = {
    id,
    partnerId: plan.partner.id,
    accountId: plan.account.id,
    rootId,
    status: 'submitted',
    products: outcome.products,
    amount: plan.amount,
    currency: plan.currency,
    expectedCloseDate: plan.expectedCloseDate,
    notes: plan.notes,
    submittedAt: outcome.submittedAt,
    decisionDueAt: outcome.decisionDueAt,
    slaBreached: false,
    approvedAt: null,
    expiresAt: null,
    marginBenefitPct: null,
    rejection: null,
    closedAt: null,
    conflicts: outcome.conflicts,
    warningsSent: [],
    escalatedAt: null,
    createdBy: plan.submitter.id,
  };
  ledger.add(index, r);
  const submitted = { from: null, to: 'submitted' };
  ledger.audit(
    r,
    at,
    plan.submitter,
    'registration.submitted',
    submitted,
    outcome.contested ? { contested: true } : null,
  );
  if (outcome.status === 'rejected') {
    const change = ledger.setStatus(r, 'rejected', 'system');
    r.rejection = outcome.rejection;
    const actor = ruleActor(outcome.rejection.rule ?? outcome.rejection.code);
    ledger.audit(r, at, actor, 'registration.rejected', change, { rejection: outcome.rejection });
    return;
  }
  // Each earlier registration learns of the newcomer too, as the rules see it from there.
  for (const conflict of outcome.conflicts) {
    const other = others.find((o) => conflict.kind === 'registration' && o.id === conflict.id);
    if (!other) continue;
    const seen = findConflicts({
      registration: toOther(other),
      others: [toOther(r)],
      accounts: ledger.treeIndex(rootId),
      now: at,
    });
    if (seen.length === 0) continue;
    other.conflicts.push(...seen);
    ledger.audit(other, at, ruleActor('conflict detection'), 'registration.contested', null);
  }
  ledger.schedule(index, { kind: 'slaCheck', at: jobRunAfter(r.decisionDueAt) });
};

export const checkSla = (ledger: Ledger, r: DemoRegistration, at: string) => {
  if (!findSlaBreaches([r], at).includes(r.id)) return;
  r.slaBreached = true;
  ledger.audit(r, at, JOB.slaBreaches, 'registration.sla_breached', null, {
    decisionDueAt: r.decisionDueAt,
  });
};

export const checkExpiry = (ledger: Ledger, r: DemoRegistration, at: string) => {
  const facts = { id: r.id, status: r.status, ...(r.expiresAt ? { expiresAt: r.expiresAt } : {}) };
  if (!findExpired([facts], at).includes(r.id)) return;
  const change = ledger.setStatus(r, 'expired', 'system');
  ledger.audit(r, at, JOB.expiry, 'registration.expired', change, {
    reason: 'The protection period ended.',
  });
};

export const approve = (ledger: Ledger, index: number, at: string, note: string | undefined) => {
  const r = ledger.registrations[index] as DemoRegistration;
  const decision = decideApproval({
    registration: { ...toOther(r), region: ledger.account(r.accountId).region },
    others: ledger
      .onTree(r.rootId)
      .filter((o) => o.id !== r.id)
      .map(toOther),
    reservations: ledger.input.reservationsAt(r.rootId, at),
    accounts: ledger.treeIndex(r.rootId),
    settings: ledger.input.settings,
    input: note ? { note } : {},
    now: at,
  });
  if (!decision.ok) throw refused(r.id, 'approve', decision.reasons);
  const { approvedAt, expiresAt, marginBenefitPct, protectionDays, rejections } = decision.value;
  const change = ledger.setStatus(r, 'approved', 'vendor');
  Object.assign(r, { approvedAt, expiresAt, marginBenefitPct });
  ledger.audit(r, at, ledger.input.reviewer, 'registration.approved', change, {
    protectionDays,
    marginBenefitPct,
    expiresAt,
    ...(note ? { note } : {}),
  });
  for (const { registrationId, rejection } of rejections) {
    const loser = ledger.registrations.find((o) => o?.id === registrationId) as DemoRegistration;
    const decided = decideRejection({ registration: loser, ...rejection, actor: 'system' });
    if (!decided.ok) throw refused(loser.id, 'conflict_resolved', decided.reasons);
    const lost = ledger.setStatus(loser, 'rejected', 'system');
    loser.rejection = rejection;
    // The approved registration belongs to another partner: the trail names the rule, not it.
    ledger.audit(loser, at, ruleActor(rejection.rule), 'registration.rejected', lost, {
      rejection,
    });
  }
  ledger.schedule(index, { kind: 'expiryCheck', at: jobRunAfter(expiresAt) });
};

export const reject = (
  ledger: Ledger,
  r: DemoRegistration,
  at: string,
  code: RejectionCode,
  reason: string,
) => {
  const decision = decideRejection({ registration: r, code, reason, actor: 'vendor' });
  if (!decision.ok) throw refused(r.id, 'reject', decision.reasons);
  const change = ledger.setStatus(r, 'rejected', 'vendor');
  r.rejection = decision.value.rejection;
  ledger.audit(r, at, ledger.input.reviewer, 'registration.rejected', change, {
    rejection: r.rejection,
  });
};

export const withdraw = (
  ledger: Ledger,
  r: DemoRegistration,
  at: string,
  actor: DemoActor,
  reason: string,
) => {
  const change = ledger.setStatus(r, 'withdrawn', 'partner');
  ledger.audit(r, at, actor, 'registration.withdrawn', change, { reason });
};

export const close = (
  ledger: Ledger,
  r: DemoRegistration,
  at: string,
  actor: DemoActor,
  outcome: 'won' | 'lost',
  reason: string,
) => {
  const change = ledger.setStatus(r, outcome, 'partner');
  r.closedAt = at;
  ledger.audit(r, at, actor, `registration.${outcome}`, change, { reason });
};
