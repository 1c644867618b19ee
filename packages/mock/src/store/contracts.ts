import { decideAcceptance } from '@openprm/core';
import type { MockPrincipal } from '../http/principal.js';
import { MockProblem, notFound, unwrap } from '../http/problem.js';
import { pendingContractsOf } from './contract-gate.js';
import type { MockHandlers } from './handler.js';
import { nextId } from './state.js';

const partnerOf = (principal: MockPrincipal): string => {
  if (principal.partnerId === null) {
    throw new MockProblem('forbidden', 'Only partner users have contracts to accept.');
  }
  return principal.partnerId;
};

export const contractHandlers: MockHandlers = {
  'contracts.list': ({ state }) => ({ data: [...state.contracts] }),
  'contracts.pending': ({ state, principal }) => ({
    data: pendingContractsOf(state, partnerOf(principal)),
  }),
  'contracts.accept': ({ state, principal, params, body, now, userAgent }) => {
    const partnerId = partnerOf(principal);
    const contract = state.contracts.find((candidate) => candidate.id === params.id);
    if (!contract) throw notFound(`Contract ${params.id}`);
    const version = state.versions.find(
      (candidate) => candidate.contractId === params.id && candidate.version === params.version,
    );
    if (!version) throw notFound(`Version ${params.version} of contract ${params.id}`);
    const outcome = unwrap(
      decideAcceptance({
        contract,
        version,
        currentVersion: contract.currentVersion,
        input: body,
        existing: state.acceptances.filter((acceptance) => acceptance.partnerId === partnerId),
        partnerId,
        userId: principal.id,
        now,
        clientInfo: userAgent ? { userAgent } : {},
      }),
    );
    if (!outcome.created) return outcome.acceptance;
    const acceptance = { id: nextId(state, 'acp'), ...outcome.acceptance };
    state.acceptances.push(acceptance);
    return acceptance;
  },
};
