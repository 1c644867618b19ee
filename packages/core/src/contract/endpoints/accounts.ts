import {
  Account,
  AccountDetail,
  AccountSearchQuery,
  CreateAccountInput,
} from '../../schemas/account.js';
import { ListPage } from '../../schemas/common.js';
import {
  Reservation,
  ReservationCheck,
  ReservationListQuery,
  ReserveInput,
} from '../../schemas/reservation.js';
import { defineEndpoints, type EndpointRequest } from '../endpoint.js';
import { ANY_ROLE, IdParams } from './params.js';

/** What a client sends to each endpoint of this area (the SDK needs nothing else). */
export const accountRequests = {
  'accounts.search': {
    method: 'GET',
    path: '/v1/accounts',
    query: AccountSearchQuery,
    roles: ANY_ROLE,
  },
  'accounts.create': {
    method: 'POST',
    path: '/v1/accounts',
    body: CreateAccountInput,
    roles: ANY_ROLE,
  },
  'accounts.get': {
    method: 'GET',
    path: '/v1/accounts/{id}',
    params: IdParams,
    roles: ANY_ROLE,
  },
  'reservations.check': {
    method: 'GET',
    path: '/v1/accounts/{id}/reservation',
    params: IdParams,
    roles: ANY_ROLE,
  },
  'reservations.reserve': {
    method: 'POST',
    path: '/v1/reservations',
    body: ReserveInput,
    roles: ANY_ROLE,
    idempotent: true,
  },
  'reservations.list': {
    method: 'GET',
    path: '/v1/reservations',
    query: ReservationListQuery,
    roles: ANY_ROLE,
  },
  'reservations.renew': {
    method: 'POST',
    path: '/v1/reservations/{id}/renew',
    params: IdParams,
    roles: ANY_ROLE,
  },
  'reservations.release': {
    method: 'DELETE',
    path: '/v1/reservations/{id}',
    params: IdParams,
    roles: ANY_ROLE,
  },
} as const satisfies Record<string, EndpointRequest>;

/** What each endpoint answers, its errors and rules, and its documentation. */
export const accountEndpoints = defineEndpoints(accountRequests, {
  'accounts.search': {
    summary: 'Find accounts by name or domain ("ACME, Inc." = "Acme Inc" = acme.com)',
    status: 200,
    response: ListPage(Account),
    errors: [],
  },
  'accounts.create': {
    summary: 'Create an account; a duplicate by normalised name or domain is refused',
    status: 201,
    response: Account,
    errors: ['already_exists', 'account_tree_cycle', 'not_found'],
  },
  'accounts.get': {
    summary: 'An account with its ancestors and descendants',
    status: 200,
    response: AccountDetail,
    errors: [],
  },
  'reservations.check': {
    summary:
      'May the caller call on this account? open, reserved by you, by another, or vendor-direct',
    status: 200,
    response: ReservationCheck,
    errors: [],
  },
  'reservations.reserve': {
    summary: 'Reserve an account (and its descendants), optionally for one region',
    status: 201,
    response: Reservation,
    errors: ['account_reserved', 'vendor_direct_account', 'not_found'],
    partnerScoped: true,
    gatedBy: 'reservation.create',
  },
  'reservations.list': {
    summary: 'Reservations (partners see their own)',
    status: 200,
    response: ListPage(Reservation),
    errors: [],
    partnerScoped: true,
  },
  'reservations.renew': {
    summary: 'Renew an active reservation, a limited number of times',
    status: 200,
    response: Reservation,
    errors: ['renewal_limit_reached', 'invalid_transition'],
    partnerScoped: true,
  },
  'reservations.release': {
    summary: 'Release a reservation so others may call on the account',
    status: 200,
    response: Reservation,
    errors: ['invalid_transition'],
    partnerScoped: true,
  },
});
