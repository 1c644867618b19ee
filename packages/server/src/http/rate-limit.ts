export interface RateLimitOptions {
  /** Requests allowed per window and caller. @default 600 */
  limit: number;
  /** @default 60 */
  windowSeconds: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 600, windowSeconds: 60 };

export interface RateLimitVerdict {
  allowed: boolean;
  headers: Record<string, string>;
}

/**
 * Fixed-window counter per caller, kept in memory: each server instance limits what it serves.
 * Answers the `RateLimit-*` headers for every request and `Retry-After` once the window is spent.
 */
export const createRateLimiter = (options: RateLimitOptions) => {
  const windows = new Map<string, { start: number; count: number }>();
  const windowMs = options.windowSeconds * 1000;
  const limit = String(options.limit);
  const policy = `${options.limit};w=${options.windowSeconds}`;
  return (caller: string, nowMs: number): RateLimitVerdict => {
    let window = windows.get(caller);
    if (!window || nowMs - window.start >= windowMs) {
      if (windows.size > 50_000) windows.clear();
      window = { start: nowMs, count: 0 };
      windows.set(caller, window);
    }
    window.count += 1;
    const reset = Math.max(1, Math.ceil((window.start + windowMs - nowMs) / 1000));
    const remaining = Math.max(0, options.limit - window.count);
    const headers: Record<string, string> = {
      'RateLimit-Limit': limit,
      'RateLimit-Remaining': String(remaining),
      'RateLimit-Reset': String(reset),
      'RateLimit-Policy': policy,
    };
    if (window.count > options.limit)
      return { allowed: false, headers: { ...headers, 'Retry-After': String(reset) } };
    return { allowed: true, headers };
  };
};
