/**
 * The conversation steps of the demo engine: comments, escalation and protection extensions,
 * each decided by core's rule at the step's moment and recorded as the server records it.
 */
import {
  decideComment,
  decideEscalation,
  decideExtensionDecision,
  decideExtensionRequest,
  type Extension,
} from '@openprm/core';
import { type Ledger, refused } from './registration-ledger.js';
import { jobRunAfter, sequentialId } from './util.js';
import type { DemoActor, DemoExtension, DemoRegistration } from './world.js';

export const comment = (
  ledger: Ledger,
  r: DemoRegistration,
  at: string,
  author: DemoActor,
  body: string,
) => {
  const decision = decideComment(body);
  if (!decision.ok) throw refused(r.id, 'comment', decision.reasons);
  const id = sequentialId('cmt', ledger.comments.length);
  ledger.comments.push({
    id,
    registrationId: r.id,
    at,
    author,
    kind: 'comment',
    body: decision.value.body,
  });
  ledger.audit(r, at, author, 'registration.commented', null, { commentId: id });
};

export const escalate = (
  ledger: Ledger,
  r: DemoRegistration,
  at: string,
  actor: DemoActor,
  reason: string,
) => {
  const decision = decideEscalation({
    registration: {
      partnerId: r.partnerId,
      status: r.status,
      ...(r.escalatedAt ? { escalatedAt: r.escalatedAt } : {}),
    },
    callerPartnerId: r.partnerId,
    reason,
    now: at,
  });
  if (!decision.ok) throw refused(r.id, 'escalate', decision.reasons);
  r.escalatedAt = decision.value.escalatedAt;
  const id = sequentialId('cmt', ledger.comments.length);
  ledger.comments.push({
    id,
    registrationId: r.id,
    at,
    author: actor,
    kind: 'escalation',
    body: decision.value.reason,
  });
  ledger.audit(r, at, actor, 'registration.escalated', null, {
    reason: decision.value.reason,
    commentId: id,
  });
};

export const requestExtension = (
  ledger: Ledger,
  r: DemoRegistration,
  at: string,
  actor: DemoActor,
  request: { days: number; justification: string },
) => {
  const decision = decideExtensionRequest({
    registration: {
      status: r.status,
      ...(r.expiresAt ? { expiresAt: r.expiresAt } : {}),
      extensions: ledger.extensionsOf(r),
    },
    ...request,
    settings: ledger.input.settings,
    now: at,
  });
  if (!decision.ok) throw refused(r.id, 'requestExtension', decision.reasons);
  const id = sequentialId('ext', ledger.extensions.length);
  ledger.extensions.push({
    id,
    registrationId: r.id,
    ...decision.value,
    decidedAt: null,
    decisionReason: null,
  });
  ledger.audit(r, at, actor, 'registration.extension_requested', null, {
    extensionId: id,
    ...request,
  });
};

export const decideExtension = (
  ledger: Ledger,
  index: number,
  at: string,
  approve: boolean,
  reason: string | undefined,
) => {
  const r = ledger.registrations[index] as DemoRegistration;
  const pending = ledger.extensions.find(
    (e) => e.registrationId === r.id && e.status === 'requested',
  ) as DemoExtension;
  const extensions = ledger.extensionsOf(r);
  const decision = decideExtensionDecision({
    registration: {
      status: r.status,
      ...(r.expiresAt ? { expiresAt: r.expiresAt } : {}),
      extensionsUsed: extensions.filter((e) => e.status === 'approved').length,
    },
    extension: extensions.find((e) => e.id === pending.id) as Extension,
    approve,
    reason,
    now: at,
  });
  if (!decision.ok) throw refused(r.id, 'decideExtension', decision.reasons);
  const { extension, expiresAt } = decision.value;
  Object.assign(pending, {
    status: extension.status,
    decidedAt: extension.decidedAt ?? null,
    decisionReason: extension.decisionReason ?? null,
  });
  r.expiresAt = expiresAt ?? r.expiresAt;
  ledger.audit(r, at, ledger.input.reviewer, `registration.extension_${extension.status}`, null, {
    extensionId: pending.id,
    ...(extension.status === 'approved' ? { days: extension.days, expiresAt: r.expiresAt } : {}),
    ...(extension.decisionReason ? { reason: extension.decisionReason } : {}),
  });
  if (r.expiresAt) ledger.schedule(index, { kind: 'expiryCheck', at: jobRunAfter(r.expiresAt) });
};
