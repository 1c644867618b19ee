import {
  decideComment,
  decideEscalation,
  decideExtensionDecision,
  decideExtensionRequest,
} from '@openprm/core';
import { actorOf, assertVisible, type MockPrincipal } from '../http/principal.js';
import { notFound, unwrap } from '../http/problem.js';
import type { MockHandlers } from './handler.js';
import { recordChange } from './registration-trail.js';
import { viewRegistration } from './registration-view.js';
import { type MockState, nextId, type StoredRegistration } from './state.js';

const visible = (state: MockState, principal: MockPrincipal, id: string) => {
  const registration = state.registrations.get(id);
  if (!registration) throw notFound(`Registration ${id}`);
  assertVisible(principal, registration.partnerId, `Registration ${id}`);
  return registration;
};

const used = (registration: StoredRegistration) =>
  registration.extensions.filter((extension) => extension.status === 'approved').length;

const decideExtension = (
  state: MockState,
  principal: MockPrincipal,
  params: { id: string; eid: string },
  approve: boolean,
  reason: string | undefined,
  now: Date,
) => {
  const registration = visible(state, principal, params.id);
  const index = registration.extensions.findIndex((candidate) => candidate.id === params.eid);
  const extension = registration.extensions[index];
  if (!extension) throw notFound(`Extension ${params.eid} of registration ${params.id}`);
  const decision = unwrap(
    decideExtensionDecision({
      registration: { ...registration, extensionsUsed: used(registration) },
      extension,
      approve,
      reason,
      now,
    }),
  );
  registration.extensions[index] = decision.extension;
  if (approve && decision.expiresAt !== undefined) registration.expiresAt = decision.expiresAt;
  recordChange(
    state,
    registration,
    {
      actor: actorOf(principal),
      action: approve ? 'registration.extension_approved' : 'registration.extension_rejected',
      data: { extensionId: extension.id },
    },
    now,
  );
  return viewRegistration(state, registration, principal, now);
};

/** The registration as the conversation: extensions, comments, escalation (core's rules). */
export const conversationHandlers: MockHandlers = {
  'registrations.requestExtension': ({ state, principal, params, body, now }) => {
    const registration = visible(state, principal, params.id);
    const request = unwrap(
      decideExtensionRequest({
        registration,
        justification: body.justification,
        days: body.days,
        settings: state.settings,
        now,
      }),
    );
    const extension = { id: nextId(state, 'ext'), ...request };
    registration.extensions.push(extension);
    recordChange(
      state,
      registration,
      {
        actor: actorOf(principal),
        action: 'registration.extension_requested',
        data: { extensionId: extension.id, days: extension.days },
      },
      now,
    );
    return viewRegistration(state, registration, principal, now);
  },
  'registrations.approveExtension': ({ state, principal, params, body, now }) =>
    decideExtension(state, principal, params, true, body.reason, now),
  'registrations.rejectExtension': ({ state, principal, params, body, now }) =>
    decideExtension(state, principal, params, false, body.reason, now),
  'registrations.comment': ({ state, principal, params, body, now }) => {
    const registration = visible(state, principal, params.id);
    const comment = unwrap(decideComment(body.body));
    registration.comments.push({
      id: nextId(state, 'cmt'),
      at: now.toISOString(),
      author: actorOf(principal),
      kind: 'comment',
      body: comment.body,
    });
    recordChange(
      state,
      registration,
      { actor: actorOf(principal), action: 'registration.commented' },
      now,
    );
    return viewRegistration(state, registration, principal, now);
  },
  'registrations.escalate': ({ state, principal, params, body, now }) => {
    const registration = visible(state, principal, params.id);
    const escalation = unwrap(
      decideEscalation({
        registration,
        callerPartnerId: principal.partnerId,
        reason: body.reason,
        now,
      }),
    );
    registration.comments.push({
      id: nextId(state, 'cmt'),
      at: now.toISOString(),
      author: actorOf(principal),
      kind: 'escalation',
      body: escalation.reason,
    });
    registration.escalatedAt = escalation.escalatedAt;
    recordChange(
      state,
      registration,
      {
        actor: actorOf(principal),
        action: 'registration.escalated',
        data: { reason: escalation.reason },
      },
      now,
    );
    return viewRegistration(state, registration, principal, now);
  },
};
