import {
  type ApproveRegistrationInput,
  compareQueueOrder,
  decideApproval,
  decideRejection,
  decideTransition,
  isSlaBreached,
} from '@openprm/core';
import {
  actingPartner,
  actorOf,
  assertVisible,
  isVendor,
  type MockPrincipal,
} from '../http/principal.js';
import { MockProblem, notFound, unwrap } from '../http/problem.js';
import { assertContractsAccepted } from './contract-gate.js';
import type { MockHandlers } from './handler.js';
import { paginate } from './paging.js';
import { submitRegistration } from './registration-submit.js';
import {
  recordChange,
  rejectWith,
  systemActor,
  updateConflictStatus,
} from './registration-trail.js';
import { viewRegistration } from './registration-view.js';
import type { MockState, StoredRegistration } from './state.js';
import { accountIndex, treeRegistrations, treeReservations } from './tree.js';

const visible = (state: MockState, principal: MockPrincipal, id: string) => {
  const registration = state.registrations.get(id);
  if (!registration) throw notFound(`Registration ${id}`);
  assertVisible(principal, registration.partnerId, `Registration ${id}`);
  return registration;
};

/** Approves with core's `decideApproval`; overlapping pending ones are rejected by its rule. */
export const approveRegistration = (
  state: MockState,
  registration: StoredRegistration,
  input: ApproveRegistrationInput,
  principal: Pick<MockPrincipal, 'id' | 'name'>,
  now: Date,
) => {
  const outcome = unwrap(
    decideApproval({
      registration: {
        ...registration,
        region: state.accounts.get(registration.accountId)?.region,
      },
      others: treeRegistrations(state, registration.rootId),
      reservations: treeReservations(state, registration.rootId),
      accounts: accountIndex(state),
      settings: state.settings,
      input,
      now,
    }),
  );
  const from = registration.status;
  registration.status = 'approved';
  registration.approvedAt = outcome.approvedAt;
  registration.expiresAt = outcome.expiresAt;
  registration.marginBenefitPct = outcome.marginBenefitPct;
  updateConflictStatus(state, registration.id, 'approved');
  const actor = { type: 'api_key' as const, id: principal.id, name: principal.name };
  recordChange(state, registration, { actor, action: 'registration.approved', from }, now);
  for (const { registrationId, rejection } of outcome.rejections) {
    const pending = state.registrations.get(registrationId);
    if (pending) rejectWith(state, pending, rejection, systemActor(rejection.rule), now);
  }
};

const changeStatus = (
  state: MockState,
  registration: StoredRegistration,
  principal: MockPrincipal,
  to: 'withdrawn' | 'won' | 'lost',
  now: Date,
  data?: Record<string, unknown>,
) => {
  unwrap(
    decideTransition({
      from: registration.status,
      to,
      actor: isVendor(principal) ? 'vendor' : 'partner',
    }),
  );
  const from = registration.status;
  registration.status = to;
  if (to !== 'withdrawn') registration.closedAt = now.toISOString();
  updateConflictStatus(state, registration.id, to);
  recordChange(
    state,
    registration,
    { actor: actorOf(principal), action: `registration.${to}`, from, ...(data ? { data } : {}) },
    now,
  );
};

export const registrationHandlers: MockHandlers = {
  'registrations.submit': ({ state, principal, body, now }) => {
    const partnerId = actingPartner(principal, body.partnerId);
    if (!state.partners.has(partnerId)) throw notFound(`Partner ${partnerId}`);
    if (!state.accounts.has(body.accountId)) {
      throw new MockProblem('not_found', `Account ${body.accountId} was not found.`, {
        errors: [{ path: 'accountId', message: 'Unknown account' }],
      });
    }
    assertContractsAccepted(state, partnerId, 'registration.submit');
    const stored = submitRegistration(state, partnerId, body, actorOf(principal), now);
    return viewRegistration(state, stored, principal, now);
  },
  'registrations.list': ({ state, principal, query, now }) => {
    const partnerId = principal.partnerId ?? query.partnerId;
    const rows = [...state.registrations.values()].filter(
      (registration) =>
        (partnerId === undefined || registration.partnerId === partnerId) &&
        (query.accountId === undefined || registration.accountId === query.accountId) &&
        (query.status === undefined || registration.status === query.status) &&
        (query.slaBreached === undefined ||
          (registration.slaBreached || isSlaBreached(registration, now)) === query.slaBreached),
    );
    if (query.sort === 'queue') rows.sort((a, b) => compareQueueOrder(a, b, now));
    else
      rows.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.id.localeCompare(a.id));
    const page = paginate(rows, query);
    return {
      data: page.data.map((row) => viewRegistration(state, row, principal, now)),
      nextCursor: page.nextCursor,
    };
  },
  'registrations.get': ({ state, principal, params, now }) =>
    viewRegistration(state, visible(state, principal, params.id), principal, now),
  'registrations.approve': ({ state, principal, params, body, now }) => {
    const registration = visible(state, principal, params.id);
    approveRegistration(state, registration, body, principal, now);
    return viewRegistration(state, registration, principal, now);
  },
  'registrations.reject': ({ state, principal, params, body, now }) => {
    const registration = visible(state, principal, params.id);
    const { rejection } = unwrap(
      decideRejection({
        registration,
        code: body.code,
        reason: body.reason,
        actor: 'vendor',
      }),
    );
    rejectWith(state, registration, rejection, actorOf(principal), now);
    return viewRegistration(state, registration, principal, now);
  },
  'registrations.withdraw': ({ state, principal, params, body, now }) => {
    const registration = visible(state, principal, params.id);
    changeStatus(
      state,
      registration,
      principal,
      'withdrawn',
      now,
      body.reason ? { reason: body.reason } : undefined,
    );
    return viewRegistration(state, registration, principal, now);
  },
  'registrations.close': ({ state, principal, params, body, now }) => {
    const registration = visible(state, principal, params.id);
    changeStatus(
      state,
      registration,
      principal,
      body.outcome,
      now,
      body.reason ? { reason: body.reason } : undefined,
    );
    return viewRegistration(state, registration, principal, now);
  },
  'registrations.audit': ({ state, principal, params }) => ({
    data: [...visible(state, principal, params.id).audit],
  }),
};
