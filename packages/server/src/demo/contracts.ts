/**
 * The program's contracts with their version history, hashed with core's `hashContractContent`,
 * and every partner's acceptances. The Deal Registration Terms got a new version four days ago
 * that requires re-acceptance: most partners, partner 1 among them, still have it pending (the
 * demo tour starts by accepting it); partner 2 has accepted everything.
 */
import {
  type Acceptance,
  addDays,
  addHours,
  type Contract,
  type ContractVersion,
  hashContractContent,
  type PendingContract,
  pendingContracts,
  toMs,
} from '@openprm/core';
import { DEMO_PARTNER_IDS } from './partners.js';
import type { Random } from './prng.js';
import { compareText, sequentialId } from './util.js';
import type { DemoAcceptance, DemoContract, DemoContractVersion, DemoPartner } from './world.js';

export const DEMO_CONTRACT_IDS = {
  programAgreement: 'ctr_program_agreement',
  dealRegistrationTerms: 'ctr_deal_registration_terms',
  nda: 'ctr_nda',
} as const;

interface VersionPlan {
  daysAgo: number;
  requiresReacceptance: boolean;
  content: string;
}

const PLANS: readonly (Omit<DemoContract, 'currentVersion' | 'createdAt'> & {
  versions: VersionPlan[];
})[] = [
  {
    id: DEMO_CONTRACT_IDS.programAgreement,
    title: 'Partner Program Agreement',
    kind: 'program_agreement',
    gates: ['reservation.create'],
    versions: [
      { daysAgo: 2500, requiresReacceptance: true, content: programAgreement(1) },
      { daysAgo: 400, requiresReacceptance: true, content: programAgreement(2) },
    ],
  },
  {
    id: DEMO_CONTRACT_IDS.dealRegistrationTerms,
    title: 'Deal Registration Terms',
    kind: 'deal_registration_terms',
    gates: ['registration.submit'],
    versions: [
      { daysAgo: 2500, requiresReacceptance: true, content: dealTerms(1) },
      { daysAgo: 4, requiresReacceptance: true, content: dealTerms(2) },
    ],
  },
  {
    id: DEMO_CONTRACT_IDS.nda,
    title: 'Mutual Non-Disclosure Agreement',
    kind: 'nda',
    gates: [],
    versions: [
      { daysAgo: 2500, requiresReacceptance: true, content: nda(1) },
      // A wording fix: partners who signed version 1 need not sign again.
      { daysAgo: 200, requiresReacceptance: false, content: nda(2) },
    ],
  },
];

function programAgreement(version: number) {
  return `# Helixa Partner Program Agreement (version ${version})

1. Parties. This agreement is between Helixa Networks ("the vendor") and the partner named in the partner portal.
2. Program. The partner may resell and support Helixa products in the countries it serves, under the program guide in force.
3. Reservations. The partner may reserve customer accounts it actively works; a reservation lasts 90 days and may be renewed twice.
4. Conduct. The partner represents Helixa products accurately and follows the applicable export and anti-bribery laws.
5. Term. The agreement runs for one year and renews automatically unless either party gives 60 days' notice.${
    version >= 2
      ? '\n6. Data protection. Each party processes personal data it receives only to run the program, under the data processing addendum.'
      : ''
  }
`;
}

function dealTerms(version: number) {
  return `# Helixa Deal Registration Terms (version ${version})

1. Registration. The partner registers a deal before the vendor quotes it, naming the customer account, the product lines and an honest estimate.
2. Decision. The vendor decides within ${version >= 2 ? '48' : '72'} hours and gives a reason for every rejection, from the published list of reasons.
3. Priority. When registrations overlap on one account tree and product line, the earliest submission has priority.
4. Protection. An approved registration is protected for 90 days, with a margin benefit of 5 percentage points; it may be extended twice on request.
5. Confidentiality. The vendor never passes one partner's registration to another partner or to its direct sales team for competing offers.${
    version >= 2
      ? '\n6. Transparency. Every change to a registration is written to an audit trail the partner can read.'
      : ''
  }
`;
}

function nda(version: number) {
  return `# Mutual Non-Disclosure Agreement (version ${version})

1. Confidential information is anything a party marks as confidential or that a reasonable person would treat as such${version >= 2 ? ', in any form' : ''}.
2. Each party uses the other's confidential information only for the partner program and protects it as it protects its own.
3. The obligations last for three years after the end of the partnership.
`;
}

export interface ContractHistory {
  contracts: DemoContract[];
  versions: DemoContractVersion[];
  acceptances: DemoAcceptance[];
  /** The partner's pending contracts as they stood at `at` (core's rule over the history). */
  pendingAt(partnerId: string, at: string): PendingContract[];
}

export const buildContracts = async (
  rng: Random,
  now: string,
  partners: readonly DemoPartner[],
): Promise<ContractHistory> => {
  const contracts: DemoContract[] = [];
  const versions: DemoContractVersion[] = [];
  for (const plan of PLANS) {
    const { versions: planned, ...contract } = plan;
    for (const [index, version] of planned.entries()) {
      versions.push({
        contractId: plan.id,
        version: index + 1,
        content: version.content,
        hash: await hashContractContent(version.content),
        requiresReacceptance: version.requiresReacceptance,
        publishedAt: addDays(now, -version.daysAgo),
      });
    }
    contracts.push({
      ...contract,
      gates: [...contract.gates],
      currentVersion: planned.length,
      createdAt: addDays(now, -(planned[0]?.daysAgo ?? 0)),
    });
  }

  const acceptances: DemoAcceptance[] = [];
  const newest = partners.slice(-3).map((p) => p.id);
  for (const partner of partners) {
    const own = rng.fork(partner.id);
    // Partner 2 and about four in ten others accepted the new terms; partner 1 has not yet.
    const acceptsNewTerms =
      partner.id === DEMO_PARTNER_IDS.partner2 ||
      (partner.id !== DEMO_PARTNER_IDS.partner1 && own.chance(0.4));
    for (const contract of contracts) {
      const history = versions.filter((v) => v.contractId === contract.id);
      let accepted = false;
      for (const [index, version] of history.entries()) {
        const next = history[index + 1];
        // A version replaced before the partner joined was never put to it.
        if (next && toMs(next.publishedAt) <= toMs(partner.createdAt)) continue;
        if (!version.requiresReacceptance && accepted) continue;
        if (contract.id === DEMO_CONTRACT_IDS.nda && newest.includes(partner.id)) continue;
        const isNewTerms = contract.id === DEMO_CONTRACT_IDS.dealRegistrationTerms && !next;
        if (isNewTerms && !acceptsNewTerms) continue;
        const from =
          toMs(version.publishedAt) > toMs(partner.createdAt)
            ? version.publishedAt
            : partner.createdAt;
        const acceptedAt = isNewTerms
          ? addHours(from, own.int(2, 44))
          : addHours(from, own.int(2, 24 * 20));
        if (toMs(acceptedAt) > toMs(now)) continue;
        acceptances.push({
          id: '',
          contractId: contract.id,
          version: version.version,
          hash: version.hash,
          userId: partner.admin.id,
          partnerId: partner.id,
          acceptedAt,
        });
        accepted = true;
      }
    }
  }
  acceptances.sort(
    (a, b) =>
      toMs(a.acceptedAt) - toMs(b.acceptedAt) ||
      compareText(a.partnerId, b.partnerId) ||
      compareText(a.contractId, b.contractId),
  );
  acceptances.forEach((acceptance, index) => {
    acceptance.id = sequentialId('acpt', index);
  });

  const pendingAt = (partnerId: string, at: string) => {
    const published = versions.filter((v) => toMs(v.publishedAt) <= toMs(at));
    return pendingContracts({
      contracts: contracts.map(
        (c): Contract => ({
          ...c,
          currentVersion:
            Math.max(0, ...published.filter((v) => v.contractId === c.id).map((v) => v.version)) ||
            null,
        }),
      ),
      versions: published as ContractVersion[],
      acceptances: acceptances
        .filter((a) => a.partnerId === partnerId && toMs(a.acceptedAt) <= toMs(at))
        .map((a): Acceptance => ({ ...a, clientInfo: {} })),
      partnerId,
    });
  };
  return { contracts, versions, acceptances, pendingAt };
};
