import { describe, expect, it } from 'vitest';
import {
  expiringCertifications,
  isCertificationValid,
  validCertificationsFor,
} from './certifications.js';
import { daysAgo, inDays, NOW } from './partner-fixtures.js';

const cert = (name: string, expiresAt: string, skill?: string) =>
  skill === undefined ? { name, expiresAt } : { name, skill, expiresAt };

describe('isCertificationValid', () => {
  it('counts a certification until it expires', () => {
    expect(isCertificationValid(cert('A', inDays(1)), NOW)).toBe(true);
    expect(isCertificationValid(cert('A', '2026-06-01T00:00:01Z'), NOW)).toBe(true);
  });

  it('stops counting it at the expiry instant and after', () => {
    expect(isCertificationValid(cert('A', NOW), NOW)).toBe(false);
    expect(isCertificationValid(cert('A', daysAgo(1)), new Date(NOW))).toBe(false);
  });
});

describe('validCertificationsFor', () => {
  it('keeps only unexpired certifications of that skill', () => {
    const certifications = [
      cert('Cloud Pro', inDays(10), 'cloud'),
      cert('Cloud Old', daysAgo(10), 'cloud'),
      cert('Security', inDays(10), 'security'),
      cert('General', inDays(10)),
    ];
    expect(validCertificationsFor(certifications, 'cloud', NOW).map((c) => c.name)).toEqual([
      'Cloud Pro',
    ]);
  });
});

describe('expiringCertifications', () => {
  it('lists valid certifications expiring within the window, soonest first', () => {
    const partner = {
      certifications: [
        cert('Later', inDays(25)),
        cert('Expired', daysAgo(2)),
        cert('Far', inDays(200)),
        cert('Soon', inDays(3)),
        cert('Edge', inDays(30)),
      ],
    };
    expect(expiringCertifications(partner, NOW, 30).map((c) => c.name)).toEqual([
      'Soon',
      'Later',
      'Edge',
    ]);
  });

  it('is empty when nothing expires in the window', () => {
    expect(expiringCertifications({ certifications: [cert('Far', inDays(90))] }, NOW, 14)).toEqual(
      [],
    );
  });
});
