import { findExpired } from '@openprm/core';
import { updateConflictStatus } from '../queries/registrations.js';
import { recordRegistrationChange, systemActor } from '../services/registration-trail.js';
import type { Job } from './job.js';
import {
  claimApprovedPastExpiry,
  setRegistrationStatus,
  toRuleFacts,
} from './registration-rows.js';

/** Approved registrations whose protection ended (DESIGN §2.2): `approved` → `expired`. */
export const registrationExpiry: Job = {
  name: 'registration-expiry',
  lockId: 727_102,
  async runBatch({ tx, settings, now, afterId, limit }) {
    const claimed = await claimApprovedPastExpiry(tx, now, { afterId, limit });
    const due = findExpired(claimed.map(toRuleFacts), now);
    const expired = due.length === 0 ? [] : await setRegistrationStatus(tx, due, 'expired');
    for (const row of expired) {
      // Other registrations of the tree list this one as a conflict: keep their view current.
      await updateConflictStatus(tx, row.root_id, row.id, 'expired');
      await recordRegistrationChange(tx, {
        row,
        actor: systemActor('protection period'),
        action: 'registration.expired',
        from: 'approved',
        data: { reason: 'The protection period ended.' },
        disclosure: settings.disclosure,
        now,
      });
    }
    return { claimed: claimed.length, changed: expired.length, lastId: claimed.at(-1)?.id ?? null };
  },
};
