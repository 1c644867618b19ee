import { discloseConflicts, isSlaBreached, type Registration } from '@openprm/core';
import { isVendor, type MockPrincipal } from '../http/principal.js';
import type { MockState, StoredRegistration } from './state.js';

/** A stored registration as the contract's JSON for one caller: conflicts disclosed per program. */
export const viewRegistration = (
  state: MockState,
  stored: StoredRegistration,
  principal: MockPrincipal,
  now: Date,
): Registration => {
  const { rootId: _root, audit: _audit, conflicts: records, ...rest } = stored;
  const { contested, conflicts } = discloseConflicts(records, {
    level: state.settings.disclosure,
    viewer: isVendor(principal) ? 'vendor' : 'partner',
  });
  return {
    ...rest,
    slaBreached: stored.slaBreached || isSlaBreached(stored, now),
    contested,
    conflicts,
    extensionsUsed: stored.extensions.filter((extension) => extension.status === 'approved').length,
  };
};
