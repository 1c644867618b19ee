/** The server's published limit (600 requests a minute per caller), counted per token. */
const LIMIT = 600;
const WINDOW_SECONDS = 60;

/**
 * `RateLimit-*` headers for every protected answer, as the server sends them. The mock counts
 * but never refuses on its own: the `rateLimited` scenario is how a test asks for a 429.
 */
export const createRateLimitHeaders = () => {
  const windows = new Map<string, { start: number; count: number }>();
  return (caller: string, nowMs: number): Record<string, string> => {
    let window = windows.get(caller);
    if (!window || nowMs - window.start >= WINDOW_SECONDS * 1000) {
      window = { start: nowMs, count: 0 };
      windows.set(caller, window);
    }
    window.count += 1;
    const reset = Math.max(1, Math.ceil((window.start + WINDOW_SECONDS * 1000 - nowMs) / 1000));
    return {
      'RateLimit-Limit': String(LIMIT),
      'RateLimit-Remaining': String(Math.max(0, LIMIT - window.count)),
      'RateLimit-Reset': String(reset),
      'RateLimit-Policy': `${LIMIT};w=${WINDOW_SECONDS}`,
    };
  };
};
