import type { ServerContext } from '../context.js';
import { expiryWarnings } from './expiry-warnings.js';
import { type Job, type JobOutcome, runJob } from './job.js';
import { registrationExpiry } from './registration-expiry.js';
import { reservationExpiry } from './reservation-expiry.js';
import { slaBreaches } from './sla-breaches.js';

/**
 * Every time-driven rule. Order matters only within one run: expiry before warnings, so a
 * registration that has just expired gets its expiry and no last-minute warning.
 */
export const JOBS: readonly Job[] = [
  reservationExpiry,
  registrationExpiry,
  slaBreaches,
  expiryWarnings,
];

/**
 * Applies every time-driven rule that is due at the context's `now`. Idempotent (a second run
 * changes nothing) and safe with many instances: each job runs on one instance at a time.
 */
export const runDueJobs = async (context: ServerContext): Promise<Record<string, JobOutcome>> => {
  const now = context.clock();
  const outcomes: Record<string, JobOutcome> = {};
  for (const job of JOBS) outcomes[job.name] = await runJob(context, job, now);
  return outcomes;
};
