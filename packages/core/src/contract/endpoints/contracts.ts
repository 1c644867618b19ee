import * as z from 'zod/mini';
import { Id } from '../../schemas/common.js';
import {
  Acceptance,
  AcceptanceListQuery,
  AcceptanceReport,
  AcceptContractInput,
  Contract,
  ContractVersion,
  CreateContractInput,
  PendingContracts,
  PublishVersionInput,
} from '../../schemas/contract.js';
import { coerceNumber } from '../../schemas/zod.js';
import { defineEndpoints, type EndpointRequest } from '../endpoint.js';
import { ANY_ROLE, IdParams, PARTNER, VENDOR, VENDOR_ADMIN } from './params.js';

const VersionParams = z.object({
  id: Id,
  version: coerceNumber().check(z.int(), z.gte(1), z.lte(2_147_483_647)),
});

/** What a client sends to each endpoint of this area (the SDK needs nothing else). */
export const contractRequests = {
  'contracts.list': {
    method: 'GET',
    path: '/v1/contracts',
    roles: ANY_ROLE,
  },
  'contracts.create': {
    method: 'POST',
    path: '/v1/contracts',
    body: CreateContractInput,
    roles: VENDOR_ADMIN,
  },
  'contracts.publish': {
    method: 'POST',
    path: '/v1/contracts/{id}/versions',
    params: IdParams,
    body: PublishVersionInput,
    roles: VENDOR_ADMIN,
  },
  'contracts.pending': {
    method: 'GET',
    path: '/v1/contracts/pending',
    roles: PARTNER,
  },
  'contracts.accept': {
    method: 'POST',
    path: '/v1/contracts/{id}/versions/{version}/accept',
    params: VersionParams,
    body: AcceptContractInput,
    roles: PARTNER,
  },
  'contracts.acceptances': {
    method: 'GET',
    path: '/v1/contracts/{id}/acceptances',
    params: IdParams,
    query: AcceptanceListQuery,
    roles: VENDOR,
  },
} as const satisfies Record<string, EndpointRequest>;

/** What each endpoint answers, its errors and rules, and its documentation. */
export const contractEndpoints = defineEndpoints(contractRequests, {
  'contracts.list': {
    summary: 'Contracts and their current versions',
    status: 200,
    response: z.object({ data: z.array(Contract) }),
    errors: [],
  },
  'contracts.create': {
    summary: 'Create a contract (program agreement, deal-registration terms, NDA …)',
    status: 201,
    response: Contract,
    errors: [],
  },
  'contracts.publish': {
    summary:
      'Publish a new version; one that requires re-acceptance becomes pending for every partner',
    status: 201,
    response: ContractVersion,
    errors: [],
  },
  'contracts.pending': {
    summary: "Contract versions the caller's partner still has to accept",
    status: 200,
    response: PendingContracts,
    errors: [],
  },
  'contracts.accept': {
    summary: 'Accept a version explicitly, confirming its hash; returns the immutable receipt',
    status: 201,
    response: Acceptance,
    errors: ['hash_mismatch', 'invalid_transition'],
  },
  'contracts.acceptances': {
    summary: 'Who has accepted which version, and who has not yet',
    status: 200,
    response: AcceptanceReport,
    errors: [],
  },
});
