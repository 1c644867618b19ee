import { describe, expect, it } from 'vitest';
import { acceptanceStatus } from './acceptance-report.js';
import { makeAcceptance, makeContract, makeVersion } from './contract-fixtures.js';

const partners = [
  { id: 'p1', name: 'Accepted current' },
  { id: 'p2', name: 'Accepted earlier' },
  { id: 'p3', name: 'Never accepted' },
];
const contract = makeContract({ id: 'agreement', currentVersion: 2 });
const v1 = makeVersion('agreement', 1);
const acceptances = (v2 = makeVersion('agreement', 2)) => [
  makeAcceptance('p1', v2),
  makeAcceptance('p2', v1),
];
const names = (list: { name: string }[]) => list.map((partner) => partner.name);

describe('acceptanceStatus', () => {
  it('after a version that requires re-acceptance, only its acceptors are up to date', () => {
    const v2 = makeVersion('agreement', 2, true);
    const status = acceptanceStatus({
      contract,
      versions: [v1, v2],
      partners,
      acceptances: acceptances(v2),
    });
    expect(status.version).toBe(2);
    expect(names(status.upToDate)).toEqual(['Accepted current']);
    expect(names(status.outstanding)).toEqual(['Accepted earlier', 'Never accepted']);
  });

  it('after a version that does not, earlier acceptors stay up to date', () => {
    const v2 = makeVersion('agreement', 2, false);
    const status = acceptanceStatus({
      contract,
      versions: [v1, v2],
      partners,
      acceptances: acceptances(v2),
    });
    expect(names(status.upToDate)).toEqual(['Accepted current', 'Accepted earlier']);
    expect(names(status.outstanding)).toEqual(['Never accepted']);
  });

  it('owes nothing while no version is published', () => {
    const draft = makeContract({ id: 'draft', currentVersion: null });
    const status = acceptanceStatus({ contract: draft, versions: [], partners, acceptances: [] });
    expect(status).toEqual({ version: null, upToDate: partners, outstanding: [] });
  });
});
