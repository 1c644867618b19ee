import type { ServerContext } from '../context.js';
import { runDueJobs } from './run-due-jobs.js';

export interface JobTimerOptions {
  /** Time between the end of one run and the start of the next. @default 60_000 */
  intervalMs?: number;
  /** Where a failed run is reported; the timer keeps going. @default console.error */
  onError?: (error: unknown) => void;
}

export interface JobTimer {
  /** Stops scheduling and resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

export const DEFAULT_JOB_INTERVAL_MS = 60_000;

/**
 * Runs the due jobs once right away (catching up after downtime), then every `intervalMs`.
 * Runs never overlap; the timer is unref'd, so it never keeps the process alive by itself.
 */
export const startJobTimer = (context: ServerContext, options: JobTimerOptions = {}): JobTimer => {
  const intervalMs = options.intervalMs ?? DEFAULT_JOB_INTERVAL_MS;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new RangeError(
      `jobs.intervalMs must be a positive number of milliseconds, not ${intervalMs}.`,
    );
  }
  const onError =
    options.onError ?? ((error: unknown) => console.error('Time-driven jobs failed:', error));
  let stopped = false;
  let running: Promise<void> | null = null;
  let handle: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delay: number) => {
    handle = setTimeout(tick, delay);
    handle.unref();
  };
  const tick = () => {
    running = runDueJobs(context)
      .then(() => undefined, onError)
      .finally(() => {
        running = null;
        if (!stopped) schedule(intervalMs);
      });
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(handle);
      await running;
    },
  };
};
