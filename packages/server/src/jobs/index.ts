/** The time-driven rules (expiries, SLA breaches, warnings) and the timer that runs them. */
export type { Job, JobOutcome } from './job.js';
export { JOBS, runDueJobs } from './run-due-jobs.js';
export {
  DEFAULT_JOB_INTERVAL_MS,
  type JobTimer,
  type JobTimerOptions,
  startJobTimer,
} from './timer.js';
