import type { Role } from '@openprm/core';

/** What a mock session token carries (unsigned: the mock trusts itself). */
export interface SessionClaims {
  sub: string;
  name: string;
  role: Role;
  partnerId: string | null;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const PREFIX = 'prms_mock.';

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const fromBase64Url = (text: string) =>
  new TextDecoder().decode(
    Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
  );

/** A browser session token of the mock: `prms_mock.<claims>`, like the server's `prms_…`. */
export const encodeSession = (claims: SessionClaims): string =>
  `${PREFIX}${toBase64Url(JSON.stringify(claims))}`;

export const decodeSession = (token: string): SessionClaims | null => {
  if (!token.startsWith(PREFIX)) return null;
  try {
    const claims = JSON.parse(fromBase64Url(token.slice(PREFIX.length))) as SessionClaims;
    return typeof claims.sub === 'string' && typeof claims.exp === 'number' ? claims : null;
  } catch {
    return null;
  }
};
