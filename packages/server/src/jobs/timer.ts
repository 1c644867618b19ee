import type { ServerContext } from '../context.js';
import { type RepeatingTimer, startRepeating } from '../timers/repeat.js';
import { runDueJobs } from './run-due-jobs.js';

export interface JobTimerOptions {
  /** Time between the end of one run and the start of the next. @default 60_000 */
  intervalMs?: number;
  /** Where a failed run is reported; the timer keeps going. @default console.error */
  onError?: (error: unknown) => void;
}

export type JobTimer = RepeatingTimer;

export const DEFAULT_JOB_INTERVAL_MS = 60_000;

/**
 * Runs the due jobs once right away (catching up after downtime), then every `intervalMs`.
 * Runs never overlap; the timer is unref'd, so it never keeps the process alive by itself.
 */
export const startJobTimer = (context: ServerContext, options: JobTimerOptions = {}): JobTimer =>
  startRepeating(() => runDueJobs(context), {
    intervalMs: options.intervalMs ?? DEFAULT_JOB_INTERVAL_MS,
    settingName: 'jobs.intervalMs',
    onError:
      options.onError ?? ((error: unknown) => console.error('Time-driven jobs failed:', error)),
  });
