import type { Handlers } from '../http/router.js';
import { approveRegistration } from '../services/registration-approval.js';
import {
  commentOnRegistration,
  escalateRegistration,
} from '../services/registration-conversation.js';
import {
  closeRegistration,
  rejectRegistration,
  withdrawRegistration,
} from '../services/registration-decisions.js';
import { decideExtension, requestExtension } from '../services/registration-extensions.js';
import {
  getRegistration,
  listRegistrations,
  registrationAudit,
} from '../services/registration-reads.js';
import { submitRegistrations } from '../services/registration-submit.js';

export const registrationHandlers = {
  'registrations.submit': {
    groupOf: (body) => body.accountId,
    batch: (tx, inputs, writes, patient) =>
      submitRegistrations(
        tx,
        inputs.map(({ principal, body, now }) => ({ principal, input: body, now })),
        (inputs[0] as (typeof inputs)[number]).context.settings,
        { writes, waitForTrees: patient },
      ),
  },
  'registrations.list': ({ tx, principal, query, context, now }) =>
    listRegistrations(tx, principal, query, context.settings, now),
  'registrations.get': ({ tx, principal, params, context, now }) =>
    getRegistration(tx, principal, params.id, context.settings, now),
  'registrations.approve': ({ tx, principal, params, body, context, now }) =>
    approveRegistration(tx, principal, params.id, body, context.settings, now),
  'registrations.reject': ({ tx, principal, params, body, context, now }) =>
    rejectRegistration(tx, principal, params.id, body, context.settings, now),
  'registrations.withdraw': ({ tx, principal, params, body, context, now }) =>
    withdrawRegistration(tx, principal, params.id, body, context.settings, now),
  'registrations.close': ({ tx, principal, params, body, context, now }) =>
    closeRegistration(tx, principal, params.id, body, context.settings, now),
  'registrations.requestExtension': ({ tx, principal, params, body, context, now }) =>
    requestExtension(tx, principal, params.id, body, context.settings, now),
  'registrations.approveExtension': ({ tx, principal, params, body, context, now }) =>
    decideExtension(tx, principal, params, true, body.reason, context.settings, now),
  'registrations.rejectExtension': ({ tx, principal, params, body, context, now }) =>
    decideExtension(tx, principal, params, false, body.reason, context.settings, now),
  'registrations.comment': ({ tx, principal, params, body, context, now }) =>
    commentOnRegistration(tx, principal, params.id, body.body, context.settings, now),
  'registrations.escalate': ({ tx, principal, params, body, context, now }) =>
    escalateRegistration(tx, principal, params.id, body.reason, context.settings, now),
  'registrations.audit': ({ tx, principal, params }) => registrationAudit(tx, principal, params.id),
} satisfies Handlers;
