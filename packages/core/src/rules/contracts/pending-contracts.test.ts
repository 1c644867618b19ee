import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideAcceptance } from './acceptance.js';
import {
  contractWorldArb,
  GATED_ACTIONS,
  makeAcceptance,
  makeContract,
  makeVersion,
  NOW,
} from './contract-fixtures.js';
import { decideGatedAction } from './gating.js';
import { pendingContracts } from './pending-contracts.js';

const agreement = makeContract({ id: 'agreement', title: 'Program agreement', currentVersion: 2 });
const v1 = makeVersion('agreement', 1);
const v2Reaccept = makeVersion('agreement', 2, true);
const v2Minor = makeVersion('agreement', 2, false);

const pendingFor = (
  partnerId: string,
  versions = [v1, v2Reaccept],
  acceptances = [] as ReturnType<typeof makeAcceptance>[],
) => pendingContracts({ contracts: [agreement], versions, acceptances, partnerId });

describe('pendingContracts', () => {
  it('makes the current version pending for a partner who never accepted the contract', () => {
    expect(pendingFor('p1', [v1, v2Minor])).toEqual([
      {
        contractId: 'agreement',
        version: 2,
        title: 'Program agreement',
        requiresReacceptance: false,
        kind: 'program_agreement',
        content: v2Minor.content,
        hash: v2Minor.hash,
        gates: ['registration.submit'],
        publishedAt: v2Minor.publishedAt,
      },
    ]);
  });

  it('clears it once the partner accepted the current version', () => {
    expect(pendingFor('p1', [v1, v2Reaccept], [makeAcceptance('p1', v2Reaccept)])).toEqual([]);
  });

  it('makes a version that requires re-acceptance pending for those who accepted an earlier one', () => {
    const pending = pendingFor('p1', [v1, v2Reaccept], [makeAcceptance('p1', v1)]);
    expect(pending.map((contract) => contract.version)).toEqual([2]);
  });

  it('leaves partners who accepted an earlier version alone when the new one does not require it', () => {
    expect(pendingFor('p1', [v1, v2Minor], [makeAcceptance('p1', v1)])).toEqual([]);
  });

  it('ignores contracts with no published version', () => {
    const draft = makeContract({ id: 'draft', currentVersion: null });
    expect(
      pendingContracts({ contracts: [draft], versions: [], acceptances: [], partnerId: 'p1' }),
    ).toEqual([]);
  });

  it("ignores other partners' acceptances", () => {
    expect(pendingFor('p1', [v1, v2Reaccept], [makeAcceptance('p2', v2Reaccept)])).toHaveLength(1);
  });

  it('does not count an acceptance of another text (hash) as acceptance of this version', () => {
    const tampered = { ...makeAcceptance('p1', v2Reaccept), hash: 'f'.repeat(64) };
    expect(pendingFor('p1', [v1, v2Reaccept], [tampered])).toHaveLength(1);
  });
});

describe('pendingContracts: properties', () => {
  it('after accepting the pending current version of every contract, nothing is pending and every gated action is allowed', () => {
    fc.assert(
      fc.property(contractWorldArb, ({ contracts, versions, partnerIds, acceptances }) => {
        for (const partnerId of partnerIds) {
          const own = acceptances.filter((acceptance) => acceptance.partnerId === partnerId);
          const before = pendingContracts({ contracts, versions, acceptances: own, partnerId });
          for (const action of GATED_ACTIONS) {
            const gated = before.some((pending) => pending.gates.includes(action));
            expect(decideGatedAction({ action, pending: before }).ok).toBe(!gated);
          }
          for (const pending of before) {
            const version = versions.find(
              (v) => v.contractId === pending.contractId && v.version === pending.version,
            );
            if (version === undefined) throw new Error('pending version not among the versions');
            const decision = decideAcceptance({
              contract: { id: pending.contractId, title: pending.title },
              version,
              currentVersion: pending.version,
              input: { hash: pending.hash, accepted: true },
              existing: own,
              partnerId,
              userId: `user-${partnerId}`,
              now: NOW,
            });
            expect(decision.ok).toBe(true);
            if (decision.ok && decision.value.created) {
              own.push({ id: `new-${own.length}`, ...decision.value.acceptance });
            }
          }
          const after = pendingContracts({ contracts, versions, acceptances: own, partnerId });
          expect(after).toEqual([]);
          for (const action of GATED_ACTIONS) {
            expect(decideGatedAction({ action, pending: after }).ok).toBe(true);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('publishing a version that requires re-acceptance makes it pending for every partner', () => {
    fc.assert(
      fc.property(
        contractWorldArb,
        fc.nat(),
        ({ contracts, versions, partnerIds, acceptances }, pick) => {
          const target = contracts[pick % contracts.length];
          if (target === undefined) throw new Error('the world has at least one contract');
          const published = makeVersion(target.id, (target.currentVersion ?? 0) + 1, true);
          const afterPublish = contracts.map((contract) =>
            contract.id === target.id
              ? { ...contract, currentVersion: published.version }
              : contract,
          );
          for (const partnerId of partnerIds) {
            const pending = pendingContracts({
              contracts: afterPublish,
              versions: [...versions, published],
              acceptances,
              partnerId,
            });
            expect(pending).toContainEqual(
              expect.objectContaining({ contractId: target.id, version: published.version }),
            );
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
