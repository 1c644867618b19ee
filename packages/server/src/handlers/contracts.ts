import type { Handlers } from '../http/router.js';
import {
  acceptanceReportService,
  acceptContractService,
  createContractService,
  listContractsService,
  pendingContractsService,
  publishVersionService,
} from '../services/contracts.js';

export const contractHandlers = {
  'contracts.list': ({ tx }) => listContractsService(tx),
  'contracts.create': ({ tx, principal, body, now }) =>
    createContractService(tx, principal, body, now),
  'contracts.publish': ({ tx, principal, params, body, now }) =>
    publishVersionService(tx, principal, params.id, body, now),
  'contracts.pending': ({ tx, principal }) => pendingContractsService(tx, principal),
  'contracts.accept': ({ tx, principal, params, body, client, now }) =>
    acceptContractService(tx, principal, params, body, client, now),
  'contracts.acceptances': ({ tx, params, query }) => acceptanceReportService(tx, params.id, query),
} satisfies Handlers;
