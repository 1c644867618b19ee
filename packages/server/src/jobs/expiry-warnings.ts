import { addDays, dueExpiryWarnings } from '@openprm/core';
import { recordEvent } from '../services/outbox.js';
import { partnerViewer, viewRegistration } from '../services/registration-view.js';
import type { Job } from './job.js';
import { claimApprovedExpiringBefore, setWarningsSent, toRuleFacts } from './registration-rows.js';

/**
 * Warnings before a protection period ends (DESIGN §2.2, default 14 and 3 days): one event per
 * warning, each recorded in `warnings_sent` in the same transaction, so it goes out exactly once.
 * A notice, not a change of the registration: it is not written to the audit trail.
 */
export const expiryWarnings: Job = {
  name: 'expiry-warnings',
  lockId: 727_104,
  async runBatch({ tx, settings, now, afterId, limit }) {
    const furthest = Math.max(0, ...settings.expiryWarningDays);
    const horizon = new Date(addDays(now, furthest));
    const claimed = await claimApprovedExpiringBefore(tx, now, horizon, { afterId, limit });
    let changed = 0;
    for (const row of claimed) {
      const warnings = dueExpiryWarnings(toRuleFacts(row), {
        alreadySent: row.warnings_sent,
        settings,
        now,
      });
      if (warnings.length === 0) continue;
      await setWarningsSent(tx, row.id, [
        ...row.warnings_sent,
        ...warnings.map((w) => w.daysBefore),
      ]);
      // Events reach the partner: they carry the partner's view, like every registration event.
      const registration = await viewRegistration(tx, row, partnerViewer(settings.disclosure, now));
      for (const warning of warnings) {
        await recordEvent(tx, {
          type: 'registration.expiry_warning',
          at: now,
          partnerId: row.partner_id,
          subject: { type: 'registration', id: row.id },
          data: { registration, ...warning },
        });
      }
      changed += 1;
    }
    return { claimed: claimed.length, changed, lastId: claimed.at(-1)?.id ?? null };
  },
};
