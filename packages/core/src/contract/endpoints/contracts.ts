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
import { defineEndpoint } from '../endpoint.js';
import { ANY_ROLE, IdParams, PARTNER, VENDOR, VENDOR_ADMIN } from './params.js';

const VersionParams = z.object({
  id: Id,
  version: z.coerce.number().check(z.int(), z.gte(1), z.lte(2_147_483_647)),
});

export const contractEndpoints = {
  'contracts.list': defineEndpoint({
    id: 'contracts.list',
    method: 'GET',
    path: '/v1/contracts',
    summary: 'Contracts and their current versions',
    status: 200,
    response: z.object({ data: z.array(Contract) }),
    errors: [],
    roles: ANY_ROLE,
  }),
  'contracts.create': defineEndpoint({
    id: 'contracts.create',
    method: 'POST',
    path: '/v1/contracts',
    summary: 'Create a contract (program agreement, deal-registration terms, NDA …)',
    body: CreateContractInput,
    status: 201,
    response: Contract,
    errors: [],
    roles: VENDOR_ADMIN,
  }),
  'contracts.publish': defineEndpoint({
    id: 'contracts.publish',
    method: 'POST',
    path: '/v1/contracts/{id}/versions',
    summary:
      'Publish a new version; one that requires re-acceptance becomes pending for every partner',
    params: IdParams,
    body: PublishVersionInput,
    status: 201,
    response: ContractVersion,
    errors: [],
    roles: VENDOR_ADMIN,
  }),
  'contracts.pending': defineEndpoint({
    id: 'contracts.pending',
    method: 'GET',
    path: '/v1/contracts/pending',
    summary: "Contract versions the caller's partner still has to accept",
    status: 200,
    response: PendingContracts,
    errors: [],
    roles: PARTNER,
  }),
  'contracts.accept': defineEndpoint({
    id: 'contracts.accept',
    method: 'POST',
    path: '/v1/contracts/{id}/versions/{version}/accept',
    summary: 'Accept a version explicitly, confirming its hash; returns the immutable receipt',
    params: VersionParams,
    body: AcceptContractInput,
    status: 201,
    response: Acceptance,
    errors: ['hash_mismatch', 'invalid_transition'],
    roles: PARTNER,
  }),
  'contracts.acceptances': defineEndpoint({
    id: 'contracts.acceptances',
    method: 'GET',
    path: '/v1/contracts/{id}/acceptances',
    summary: 'Who has accepted which version, and who has not yet',
    params: IdParams,
    query: AcceptanceListQuery,
    status: 200,
    response: AcceptanceReport,
    errors: [],
    roles: VENDOR,
  }),
} as const;
