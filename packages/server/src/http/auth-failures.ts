/**
 * Guesses at API keys cost a database look-up each: after too many failed authentications from
 * one address in a window, further attempts from it are refused before any look-up.
 */
export const createAuthFailureGuard = (options = { limit: 30, windowSeconds: 60 }) => {
  const windows = new Map<string, { start: number; count: number }>();
  const windowMs = options.windowSeconds * 1000;
  const current = (address: string, nowMs: number) => {
    const window = windows.get(address);
    return window && nowMs - window.start < windowMs ? window : null;
  };
  return {
    /** Seconds to wait when `address` is over the limit, else null. */
    retryAfter(address: string, nowMs: number): number | null {
      const window = current(address, nowMs);
      if (!window || window.count < options.limit) return null;
      return Math.max(1, Math.ceil((window.start + windowMs - nowMs) / 1000));
    },
    record(address: string, nowMs: number) {
      const window = current(address, nowMs);
      if (window) window.count += 1;
      else {
        if (windows.size > 50_000) windows.clear();
        windows.set(address, { start: nowMs, count: 1 });
      }
    },
  };
};

export type AuthFailureGuard = ReturnType<typeof createAuthFailureGuard>;
