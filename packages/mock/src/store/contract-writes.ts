import { acceptanceStatus, type ContractVersion, hashContractContent } from '@openprm/core';
import { notFound } from '../http/problem.js';
import type { MockHandlers } from './handler.js';
import { paginate } from './paging.js';
import { nextId } from './state.js';

/** The vendor's side of contracts: create, publish (hashed by core), who has accepted. */
export const contractWriteHandlers: MockHandlers = {
  'contracts.create': ({ state, body, now }) => {
    const contract = {
      id: nextId(state, 'ctr'),
      title: body.title,
      kind: body.kind,
      gates: [...new Set(body.gates ?? [])],
      currentVersion: null,
      createdAt: now.toISOString(),
    };
    state.contracts.push(contract);
    return contract;
  },
  'contracts.publish': async ({ state, params, body, now }) => {
    const contract = state.contracts.find((candidate) => candidate.id === params.id);
    if (!contract) throw notFound(`Contract ${params.id}`);
    const hash = await hashContractContent(body.content);
    const version: ContractVersion = {
      contractId: contract.id,
      version: (contract.currentVersion ?? 0) + 1,
      content: body.content,
      hash,
      requiresReacceptance: body.requiresReacceptance ?? true,
      publishedAt: now.toISOString(),
    };
    state.versions.push(version);
    contract.currentVersion = version.version;
    return version;
  },
  'contracts.acceptances': ({ state, params, query }) => {
    const contract = state.contracts.find((candidate) => candidate.id === params.id);
    if (!contract) throw notFound(`Contract ${params.id}`);
    const number = query.version ?? contract.currentVersion;
    if (number === null) {
      return {
        contractId: contract.id,
        version: null,
        data: [],
        nextCursor: null,
        notAccepted: [],
      };
    }
    const version = state.versions.find(
      (candidate) => candidate.contractId === contract.id && candidate.version === number,
    );
    if (!version) throw notFound(`Version ${number} of contract ${contract.id}`);
    const ofContract = state.acceptances.filter(
      (acceptance) => acceptance.contractId === contract.id,
    );
    const page = paginate(
      ofContract
        .filter((acceptance) => acceptance.version === number)
        .sort((a, b) => a.acceptedAt.localeCompare(b.acceptedAt) || a.id.localeCompare(b.id)),
      query,
    );
    const status = acceptanceStatus({
      contract: { ...contract, currentVersion: number },
      versions: [version],
      partners: [...state.partners.values()].map(({ id, name }) => ({ id, name })),
      acceptances: ofContract,
    });
    return {
      contractId: contract.id,
      version: number,
      ...page,
      notAccepted: status.outstanding.map((partner) => ({
        partnerId: partner.id,
        partnerName: partner.name,
      })),
    };
  },
};
