export interface RepeatingTimer {
  /** Stops scheduling and resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

export interface RepeatOptions {
  /** Time between the end of one run and the start of the next; must be positive. */
  intervalMs: number;
  /** Names the setting in the RangeError for a bad interval, e.g. `jobs.intervalMs`. */
  settingName: string;
  /** Where a failed run is reported; the timer keeps going. */
  onError: (error: unknown) => void;
}

/**
 * Runs `run` right away, then `intervalMs` after each run has settled. Runs never overlap; the
 * timer is unref'd, so it never keeps the process alive by itself.
 */
export const startRepeating = (
  run: () => Promise<unknown>,
  { intervalMs, settingName, onError }: RepeatOptions,
): RepeatingTimer => {
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new RangeError(
      `${settingName} must be a positive number of milliseconds, not ${intervalMs}.`,
    );
  }
  let stopped = false;
  let running: Promise<void> | null = null;
  let handle: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delay: number) => {
    handle = setTimeout(tick, delay);
    handle.unref();
  };
  const tick = () => {
    running = run()
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
