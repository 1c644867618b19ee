import { findSlaBreaches } from '@openprm/core';
import { iso } from '../queries/rows.js';
import { recordRegistrationChange, systemActor } from '../services/registration-trail.js';
import type { Job } from './job.js';
import { claimUndecidedPastDue, flagSlaBreached, toRuleFacts } from './registration-rows.js';

/**
 * The decision time limit passed without a decision (DESIGN §2.2): flag the registration once
 * (it then sorts first in the vendor queue) and tell everyone who listens. A decision taken
 * late flags itself (registration-trail's `flagLateDecision`); this job catches the ones nobody
 * has touched.
 */
export const slaBreaches: Job = {
  name: 'sla-breaches',
  lockId: 727_103,
  async runBatch({ tx, settings, now, afterId, limit }) {
    const claimed = await claimUndecidedPastDue(tx, now, { afterId, limit });
    const due = findSlaBreaches(claimed.map(toRuleFacts), now);
    const flagged = due.length === 0 ? [] : await flagSlaBreached(tx, due);
    for (const row of flagged) {
      await recordRegistrationChange(tx, {
        row,
        actor: systemActor('decision time limit'),
        action: 'registration.sla_breached',
        data: { decisionDueAt: iso(row.decision_due_at) },
        disclosure: settings.disclosure,
        now,
      });
    }
    return { claimed: claimed.length, changed: flagged.length, lastId: claimed.at(-1)?.id ?? null };
  },
};
