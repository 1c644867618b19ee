import type { Handlers } from '../http/router.js';
import {
  createAccountService,
  getAccountService,
  searchAccountsService,
} from '../services/accounts.js';
import {
  checkReservationService,
  listReservationsService,
  releaseReservationService,
  renewReservationService,
  reserveService,
} from '../services/reservations.js';

export const accountHandlers = {
  'accounts.search': ({ tx, query }) => searchAccountsService(tx, query),
  'accounts.create': ({ tx, principal, body, now }) =>
    createAccountService(tx, principal, body, now),
  'accounts.get': ({ tx, params }) => getAccountService(tx, params.id),
  'reservations.check': ({ principal, params, context, now }) =>
    checkReservationService(context.accountTrees, principal, params.id, context.settings, now),
  'reservations.reserve': ({ tx, principal, body, context, now }) =>
    reserveService(tx, principal, body, context.settings, now),
  'reservations.list': ({ tx, principal, query }) => listReservationsService(tx, principal, query),
  'reservations.renew': ({ tx, principal, params, context, now }) =>
    renewReservationService(tx, principal, params.id, context.settings, now),
  'reservations.release': ({ tx, principal, params, now }) =>
    releaseReservationService(tx, principal, params.id, now),
} satisfies Handlers;
