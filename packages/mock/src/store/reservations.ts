import {
  checkReservation,
  decideRelease,
  decideRenewal,
  decideReservation,
  type Reservation,
} from '@openprm/core';
import { actingPartner, assertVisible, type MockPrincipal } from '../http/principal.js';
import { notFound, unwrap } from '../http/problem.js';
import { findAccount } from './accounts.js';
import { assertContractsAccepted } from './contract-gate.js';
import type { MockHandlers } from './handler.js';
import { paginate } from './paging.js';
import { type MockState, nextId } from './state.js';
import { accountIndex, rootOf, treeReservations } from './tree.js';

/** Core's `decideReservation` over the account's tree, then stored: shared with the seeding. */
export const reserve = (
  state: MockState,
  input: { accountId: string; partnerId: string; region: string | null },
  now: Date,
): Reservation => {
  const grant = unwrap(
    decideReservation({
      ...input,
      accounts: accountIndex(state),
      reservations: treeReservations(state, rootOf(state, input.accountId)),
      settings: state.settings,
      now,
    }),
  );
  const reservation: Reservation = {
    id: nextId(state, 'res'),
    partnerId: grant.partnerId,
    accountId: grant.accountId,
    region: grant.region,
    status: 'active',
    createdAt: now.toISOString(),
    expiresAt: grant.expiresAt,
    renewals: 0,
  };
  state.reservations.set(reservation.id, reservation);
  return reservation;
};

const visibleReservation = (state: MockState, principal: MockPrincipal, id: string) => {
  const reservation = state.reservations.get(id);
  if (!reservation) throw notFound(`Reservation ${id}`);
  assertVisible(principal, reservation.partnerId, `Reservation ${id}`);
  return reservation;
};

export const reservationHandlers: MockHandlers = {
  'reservations.check': ({ state, principal, params, now }) => {
    findAccount(state, params.id);
    return checkReservation({
      accountId: params.id,
      callerPartnerId: principal.partnerId,
      accounts: accountIndex(state),
      reservations: treeReservations(state, rootOf(state, params.id)),
      disclosure: state.settings.disclosure,
      now,
    });
  },
  'reservations.reserve': ({ state, principal, body, now }) => {
    const partnerId = actingPartner(principal, body.partnerId);
    if (!state.partners.has(partnerId)) throw notFound(`Partner ${partnerId}`);
    findAccount(state, body.accountId);
    assertContractsAccepted(state, partnerId, 'reservation.create');
    return reserve(
      state,
      { accountId: body.accountId, partnerId, region: body.region ?? null },
      now,
    );
  },
  'reservations.list': ({ state, principal, query }) => {
    const partnerId = principal.partnerId ?? query.partnerId;
    const rows = [...state.reservations.values()]
      .filter(
        (reservation) =>
          (partnerId === undefined || reservation.partnerId === partnerId) &&
          (query.accountId === undefined || reservation.accountId === query.accountId) &&
          (query.status === undefined || reservation.status === query.status),
      )
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    return paginate(rows, query);
  },
  'reservations.renew': ({ state, principal, params, now }) => {
    const reservation = visibleReservation(state, principal, params.id);
    const grant = unwrap(
      decideRenewal({
        reservation,
        partnerId: principal.partnerId ?? reservation.partnerId,
        settings: state.settings,
        now,
      }),
    );
    const renewed = { ...reservation, ...grant };
    state.reservations.set(renewed.id, renewed);
    return renewed;
  },
  'reservations.release': ({ state, principal, params, now }) => {
    const reservation = visibleReservation(state, principal, params.id);
    const grant = unwrap(decideRelease({ reservation, callerPartnerId: principal.partnerId, now }));
    const released = { ...reservation, ...grant };
    state.reservations.set(released.id, released);
    return released;
  },
};
