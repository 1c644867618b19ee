import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    /** The request's id: the caller's `X-Request-Id` (64 characters at most) or a new UUID. */
    requestId: string;
    /** Headers every answer of this request carries, errors included (`RateLimit-*`). */
    answerHeaders: Record<string, string>;
    /** The answer was built with `X-Request-Id` and the answer headers already in it. */
    answered: true;
  }
}

/**
 * A request header, read from Node's parsed request when the server runs on Node (every value
 * of a repeated header, joined with ", " as `Headers#get` does), else from the web Request.
 * Reading `c.req.header()` on Node builds a web `Headers` of every header first, which is a
 * noticeable share of a small request's cost.
 */
export const requestHeader = (c: Context, name: string): string | undefined => {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming?.headersDistinct === undefined) return c.req.header(name);
  return incoming.headersDistinct[name]?.join(', ');
};
