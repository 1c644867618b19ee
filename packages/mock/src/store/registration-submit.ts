import {
  type Actor,
  decideSubmission,
  findConflicts,
  type SubmitRegistrationInput,
} from '@openprm/core';
import { unwrap } from '../http/problem.js';
import { findAccount } from './accounts.js';
import { recordChange, rejectWith, systemActor } from './registration-trail.js';
import { type MockState, nextId, type StoredRegistration } from './state.js';
import { accountIndex, rootOf, treeRegistrations, treeReservations } from './tree.js';

/**
 * Core's `decideSubmission` on the account's tree (the contract gate is checked before, by the
 * handler). A vendor-direct account is rejected at once; conflicts are flagged both ways.
 */
export const submitRegistration = (
  state: MockState,
  partnerId: string,
  input: SubmitRegistrationInput,
  actor: Actor,
  now: Date,
): StoredRegistration => {
  const account = findAccount(state, input.accountId);
  const rootId = rootOf(state, account.id);
  const accounts = accountIndex(state);
  const others = treeRegistrations(state, rootId);
  const id = nextId(state, 'reg');
  const outcome = unwrap(
    decideSubmission({
      id,
      input,
      partnerId,
      accounts,
      pendingContracts: [],
      activeRegistrations: others,
      activeReservations: treeReservations(state, rootId),
      region: account.region,
      settings: state.settings,
      now,
    }),
  );
  const registration: StoredRegistration = {
    id,
    partnerId,
    accountId: input.accountId,
    rootId,
    status: 'submitted',
    products: outcome.products,
    estimatedValue: input.estimatedValue,
    expectedCloseDate: input.expectedCloseDate,
    ...(input.notes ? { notes: input.notes } : {}),
    submittedAt: outcome.submittedAt,
    decisionDueAt: outcome.decisionDueAt,
    slaBreached: false,
    conflicts: outcome.status === 'submitted' ? outcome.conflicts : [],
    extensions: [],
    comments: [],
    audit: [],
  };
  state.registrations.set(id, registration);
  state.registrationsByRoot.set(rootId, [
    ...(state.registrationsByRoot.get(rootId) ?? []),
    registration,
  ]);
  recordChange(state, registration, { actor, action: 'registration.submitted' }, now);
  if (outcome.status === 'rejected') {
    const rule = outcome.rejection.rule ?? outcome.rejection.code;
    rejectWith(state, registration, outcome.rejection, systemActor(rule), now);
    return registration;
  }
  for (const conflict of registration.conflicts) {
    const other =
      conflict.kind === 'registration' ? state.registrations.get(conflict.id) : undefined;
    if (!other) continue;
    const seen = findConflicts({
      registration: other,
      others: [{ ...registration, status: registration.status }],
      accounts,
      now,
    });
    other.conflicts.push(...seen);
  }
  return registration;
};
