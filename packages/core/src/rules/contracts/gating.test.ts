import { describe, expect, it } from 'vitest';
import { makeContract, makeVersion } from './contract-fixtures.js';
import { contractsGating, decideGatedAction } from './gating.js';
import { pendingContracts } from './pending-contracts.js';

const contracts = [
  makeContract({ id: 'terms', title: 'Deal registration terms', gates: ['registration.submit'] }),
  makeContract({
    id: 'agreement',
    title: 'Program agreement',
    currentVersion: 3,
    gates: ['registration.submit', 'reservation.create'],
  }),
  makeContract({ id: 'nda', title: 'NDA', gates: [] }),
];
const versions = [makeVersion('terms', 1), makeVersion('agreement', 3), makeVersion('nda', 1)];
const pending = pendingContracts({ contracts, versions, acceptances: [], partnerId: 'p1' });

describe('decideGatedAction', () => {
  it('allows an action when no pending contract gates it', () => {
    expect(decideGatedAction({ action: 'registration.submit', pending: [] })).toEqual({
      ok: true,
      value: 'registration.submit',
      reasons: [],
    });
    const ndaOnly = pending.filter((contract) => contract.contractId === 'nda');
    expect(decideGatedAction({ action: 'reservation.create', pending: ndaOnly }).ok).toBe(true);
  });

  it('refuses with contract_acceptance_required, naming each gating contract and version', () => {
    const decision = decideGatedAction({ action: 'registration.submit', pending });
    expect(decision).toEqual({
      ok: false,
      code: 'contract_acceptance_required',
      reasons: [
        {
          code: 'contract_acceptance_required',
          message:
            'Accept "Deal registration terms" (version 1) before submitting a deal registration.',
        },
        {
          code: 'contract_acceptance_required',
          message: 'Accept "Program agreement" (version 3) before submitting a deal registration.',
        },
      ],
      pending: pending.filter((contract) => contract.contractId !== 'nda'),
    });
  });

  it('names only the contracts that gate the action asked about', () => {
    const decision = decideGatedAction({ action: 'reservation.create', pending });
    expect(decision.ok).toBe(false);
    expect(decision.reasons.map((reason) => reason.message)).toEqual([
      'Accept "Program agreement" (version 3) before reserving an account.',
    ]);
  });
});

describe('contractsGating', () => {
  it('lists the pending contracts that gate an action', () => {
    expect(contractsGating('reservation.create', pending).map((c) => c.contractId)).toEqual([
      'agreement',
    ]);
  });
});
