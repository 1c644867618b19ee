/**
 * Extending the protection period (DESIGN §2.2): the partner asks with a justification, the
 * vendor grants or refuses. Only an approved registration still inside its protection can be
 * extended; a program allows `maxExtensions` (granted and pending requests both count, so a
 * partner cannot queue past the limit), and one request waits for a decision at a time.
 */
import type { ProgramSettings } from '../../schemas/program.js';
import type { Extension, Registration } from '../../schemas/registration.js';
import { allow, type Decision, refuse } from '../decision.js';
import { addDays, type Instant, toIso, toMs } from '../time.js';

export const MAX_EXTENSION_DAYS = 180;
const MAX_TEXT = 2000;

export interface ExtensionRequestFacts {
  registration: Pick<Registration, 'status' | 'expiresAt' | 'extensions'>;
  justification: string;
  days: number;
  settings: Pick<ProgramSettings, 'maxExtensions'>;
  now: Instant;
}

/** The new extension, minus the id the store assigns. */
export type ExtensionRequest = Omit<Extension, 'id' | 'decidedAt' | 'decisionReason'> & {
  status: 'requested';
};

export type ExtensionRequestRefusal =
  | 'invalid_transition'
  | 'invalid_request'
  | 'already_exists'
  | 'extension_limit_reached';

const isProtected = (
  registration: Pick<Registration, 'status' | 'expiresAt'>,
  now: Instant,
): registration is Pick<Registration, 'status'> & { expiresAt: string } =>
  registration.status === 'approved' &&
  registration.expiresAt !== undefined &&
  toMs(registration.expiresAt) > toMs(now);

export const decideExtensionRequest = ({
  registration,
  justification,
  days,
  settings,
  now,
}: ExtensionRequestFacts): Decision<ExtensionRequest, ExtensionRequestRefusal> => {
  if (!isProtected(registration, now)) {
    return refuse(
      'invalid_transition',
      registration.status === 'approved'
        ? 'The protection period has ended, so it can no longer be extended.'
        : `Only an approved registration can be extended; this one is "${registration.status}".`,
    );
  }
  const text = justification.trim();
  if (text === '' || text.length > MAX_TEXT) {
    return refuse('invalid_request', `Justify the extension in 1 to ${MAX_TEXT} characters.`);
  }
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) {
    return refuse('invalid_request', `Ask for 1 to ${MAX_EXTENSION_DAYS} whole days.`);
  }
  if (registration.extensions.some((extension) => extension.status === 'requested')) {
    return refuse(
      'already_exists',
      'An extension request is already waiting for a decision; wait for it before asking again.',
    );
  }
  const counted = registration.extensions.filter((e) => e.status !== 'rejected').length;
  if (counted >= settings.maxExtensions) {
    return refuse(
      'extension_limit_reached',
      `The program allows ${settings.maxExtensions} extension${settings.maxExtensions === 1 ? '' : 's'} per registration, and ${counted} ${counted === 1 ? 'has' : 'have'} been granted.`,
    );
  }
  return allow({ requestedAt: toIso(toMs(now)), justification: text, days, status: 'requested' });
};

export interface ExtensionDecisionFacts {
  registration: Pick<Registration, 'status' | 'expiresAt' | 'extensionsUsed'>;
  extension: Extension;
  approve: boolean;
  /** Required to refuse; optional to grant. */
  reason?: string | undefined;
  now: Instant;
}

export interface ExtensionDecision {
  extension: Extension;
  /** The new end of protection (unchanged when refused). */
  expiresAt: string | undefined;
  extensionsUsed: number;
}

export type ExtensionDecisionRefusal =
  | 'extension_not_pending'
  | 'invalid_transition'
  | 'invalid_request';

export const decideExtensionDecision = ({
  registration,
  extension,
  approve,
  reason,
  now,
}: ExtensionDecisionFacts): Decision<ExtensionDecision, ExtensionDecisionRefusal> => {
  if (extension.status !== 'requested') {
    return refuse(
      'extension_not_pending',
      `This extension was already ${extension.status}; only a pending request can be decided.`,
    );
  }
  const text = reason?.trim() ?? '';
  if (text.length > MAX_TEXT) {
    return refuse('invalid_request', `Keep the reason within ${MAX_TEXT} characters.`);
  }
  const decided = { ...extension, decidedAt: toIso(toMs(now)) };
  if (!approve) {
    if (text === '') {
      return refuse(
        'invalid_request',
        'Explain why the extension is refused: the partner reads it.',
      );
    }
    return allow({
      extension: { ...decided, status: 'rejected', decisionReason: text },
      expiresAt: registration.expiresAt,
      extensionsUsed: registration.extensionsUsed,
    });
  }
  // Granting after the end would revive an expired registration; expiry is enforced.
  if (!isProtected(registration, now)) {
    return refuse(
      'invalid_transition',
      'The protection period has ended, so the extension can no longer be granted.',
    );
  }
  return allow({
    extension: { ...decided, status: 'approved', ...(text === '' ? {} : { decisionReason: text }) },
    expiresAt: addDays(registration.expiresAt, extension.days),
    extensionsUsed: registration.extensionsUsed + 1,
  });
};
