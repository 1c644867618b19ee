import { type AccountIndex, indexAccounts, treeRoot } from '@openprm/core';
import type { MockState } from './state.js';

/** Core's account index over every account the mock holds. */
export const accountIndex = (state: MockState): AccountIndex => {
  state.accountIndex ??= indexAccounts(state.accounts.values());
  return state.accountIndex;
};

export const rootOf = (state: MockState, accountId: string): string =>
  treeRoot(accountIndex(state), accountId);

/** Active reservations on one tree: the facts the reservation and registration rules ask for. */
export const treeReservations = (state: MockState, rootId: string) =>
  [...state.reservations.values()].filter(
    (reservation) =>
      reservation.status === 'active' && rootOf(state, reservation.accountId) === rootId,
  );

/** Open registrations (submitted, approved) of one tree, as core's conflict rules take them. */
export const treeRegistrations = (state: MockState, rootId: string) =>
  (state.registrationsByRoot.get(rootId) ?? [])
    .filter(
      (registration) => registration.status === 'submitted' || registration.status === 'approved',
    )
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id))
    .map(({ id, partnerId, accountId, products, submittedAt, status, expiresAt }) => ({
      id,
      partnerId,
      accountId,
      products,
      submittedAt,
      status,
      ...(expiresAt ? { expiresAt } : {}),
    }));
