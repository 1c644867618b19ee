import * as z from 'zod/mini';
import { Id, ListPage } from '../../schemas/common.js';
import {
  ApproveRegistrationInput,
  AuditEvent,
  CloseRegistrationInput,
  CommentInput,
  DecideExtensionInput,
  EscalateInput,
  Registration,
  RegistrationListQuery,
  RejectExtensionInput,
  RejectRegistrationInput,
  RequestExtensionInput,
  SubmitRegistrationInput,
  WithdrawRegistrationInput,
} from '../../schemas/registration.js';
import { defineEndpoints, type EndpointRequest } from '../endpoint.js';
import { ANY_ROLE, IdParams, PARTNER, VENDOR } from './params.js';

const ExtensionParams = z.object({ id: Id, eid: Id });

/** What a client sends to each endpoint of this area (the SDK needs nothing else). */
export const registrationRequests = {
  'registrations.submit': {
    method: 'POST',
    path: '/v1/registrations',
    body: SubmitRegistrationInput,
    roles: ANY_ROLE,
    idempotent: true,
  },
  'registrations.list': {
    method: 'GET',
    path: '/v1/registrations',
    query: RegistrationListQuery,
    roles: ANY_ROLE,
  },
  'registrations.get': {
    method: 'GET',
    path: '/v1/registrations/{id}',
    params: IdParams,
    roles: ANY_ROLE,
  },
  'registrations.approve': {
    method: 'POST',
    path: '/v1/registrations/{id}/approve',
    params: IdParams,
    body: ApproveRegistrationInput,
    roles: VENDOR,
  },
  'registrations.reject': {
    method: 'POST',
    path: '/v1/registrations/{id}/reject',
    params: IdParams,
    body: RejectRegistrationInput,
    roles: VENDOR,
  },
  'registrations.withdraw': {
    method: 'POST',
    path: '/v1/registrations/{id}/withdraw',
    params: IdParams,
    body: WithdrawRegistrationInput,
    roles: PARTNER,
  },
  'registrations.close': {
    method: 'POST',
    path: '/v1/registrations/{id}/close',
    params: IdParams,
    body: CloseRegistrationInput,
    roles: ANY_ROLE,
  },
  'registrations.requestExtension': {
    method: 'POST',
    path: '/v1/registrations/{id}/extensions',
    params: IdParams,
    body: RequestExtensionInput,
    roles: PARTNER,
  },
  'registrations.approveExtension': {
    method: 'POST',
    path: '/v1/registrations/{id}/extensions/{eid}/approve',
    params: ExtensionParams,
    body: DecideExtensionInput,
    roles: VENDOR,
  },
  'registrations.rejectExtension': {
    method: 'POST',
    path: '/v1/registrations/{id}/extensions/{eid}/reject',
    params: ExtensionParams,
    body: RejectExtensionInput,
    roles: VENDOR,
  },
  'registrations.comment': {
    method: 'POST',
    path: '/v1/registrations/{id}/comments',
    params: IdParams,
    body: CommentInput,
    roles: ANY_ROLE,
  },
  'registrations.escalate': {
    method: 'POST',
    path: '/v1/registrations/{id}/escalate',
    params: IdParams,
    body: EscalateInput,
    roles: PARTNER,
  },
  'registrations.audit': {
    method: 'GET',
    path: '/v1/registrations/{id}/audit',
    params: IdParams,
    roles: ANY_ROLE,
  },
} as const satisfies Record<string, EndpointRequest>;

/** What each endpoint answers, its errors and rules, and its documentation. */
export const registrationEndpoints = defineEndpoints(registrationRequests, {
  'registrations.submit': {
    summary:
      'Register a deal; answers at once with the decision due time, conflicts or the rejection',
    description:
      'Send an `Idempotency-Key` header: a retried request replays the first answer and never makes a second registration.',
    status: 201,
    response: Registration,
    errors: ['not_found'],
    partnerScoped: true,
    gatedBy: 'registration.submit',
  },
  'registrations.list': {
    summary:
      'Registrations: a partner its own, the vendor the queue (`sort=queue`: SLA breaches first)',
    status: 200,
    response: ListPage(Registration),
    errors: [],
    partnerScoped: true,
  },
  'registrations.get': {
    summary: 'One registration with its conflicts, extensions and comments',
    status: 200,
    response: Registration,
    errors: [],
    partnerScoped: true,
  },
  'registrations.approve': {
    summary: 'Approve: starts the protection period; overlapping pending ones are rejected',
    status: 200,
    response: Registration,
    // rule_refused: the tree and product line are already protected by another approval.
    errors: ['invalid_transition', 'rule_refused'],
  },
  'registrations.reject': {
    summary: 'Reject with a reason code from the published list and an explanation',
    status: 200,
    response: Registration,
    errors: ['invalid_transition'],
  },
  'registrations.withdraw': {
    summary: 'Withdraw a submitted or approved registration',
    status: 200,
    response: Registration,
    errors: ['invalid_transition'],
    partnerScoped: true,
  },
  'registrations.close': {
    summary: 'Close an approved registration as won or lost',
    status: 200,
    response: Registration,
    errors: ['invalid_transition'],
    partnerScoped: true,
  },
  'registrations.requestExtension': {
    summary: 'Ask for a longer protection period, with a justification',
    status: 201,
    response: Registration,
    errors: ['invalid_transition', 'extension_limit_reached', 'already_exists'],
    partnerScoped: true,
  },
  'registrations.approveExtension': {
    summary: 'Grant an extension request',
    status: 200,
    response: Registration,
    errors: ['extension_not_pending', 'invalid_transition'],
  },
  'registrations.rejectExtension': {
    summary: 'Refuse an extension request, with a reason',
    status: 200,
    response: Registration,
    errors: ['extension_not_pending'],
  },
  'registrations.comment': {
    summary: 'Add to the conversation on a registration',
    status: 201,
    response: Registration,
    errors: [],
    partnerScoped: true,
  },
  'registrations.escalate': {
    summary: 'Escalate a registration to the channel manager',
    status: 200,
    response: Registration,
    errors: ['invalid_transition', 'rule_refused'],
    partnerScoped: true,
  },
  'registrations.audit': {
    summary: 'The append-only audit trail: who, when, from, to, why',
    status: 200,
    response: z.object({ data: z.array(AuditEvent) }),
    errors: [],
    partnerScoped: true,
  },
});
