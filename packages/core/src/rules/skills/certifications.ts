/** Certifications expire: only an unexpired one proves a skill (DESIGN §2.3). */
import type { Certification, Partner } from '../../schemas/partner.js';
import { addDays, type Instant, toMs } from '../time.js';

/** Valid while its expiry lies in the future; at the expiry instant it no longer counts. */
export const isCertificationValid = (
  certification: Pick<Certification, 'expiresAt'>,
  now: Instant,
): boolean => toMs(certification.expiresAt) > toMs(now);

/** Valid certifications that prove `skill`. */
export const validCertificationsFor = (
  certifications: readonly Certification[],
  skill: string,
  now: Instant,
): Certification[] =>
  certifications.filter((cert) => cert.skill === skill && isCertificationValid(cert, now));

/**
 * Certifications still valid now that expire within `withinDays`, soonest first, so a partner
 * can renew them before they stop counting in search.
 */
export const expiringCertifications = (
  partner: Pick<Partner, 'certifications'>,
  now: Instant,
  withinDays: number,
): Certification[] => {
  const horizon = toMs(addDays(now, withinDays));
  return partner.certifications
    .filter((cert) => isCertificationValid(cert, now) && toMs(cert.expiresAt) <= horizon)
    .sort((a, b) => toMs(a.expiresAt) - toMs(b.expiresAt));
};
