import { Role } from '@openprm/core';
import * as z from 'zod/mini';
import { hmacBase64Url, randomToken, safeEqual, sha256Hex } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import type { Principal } from './principal.js';
import { ProblemError } from './problem.js';

const SESSION_PREFIX = 'prms_';
const KEY_CACHE_MS = 30_000;

interface KeyRow {
  id: string;
  name: string;
  role: Role;
  partner_id: string | null;
  demo: boolean;
  revoked_at: Date | null;
}

export interface SessionClaims {
  sub: string;
  name: string;
  role: Role;
  partnerId: string | null;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Minted with a demo key. */
  demo?: true;
}

/** Claims are checked even after the signature: a token without `exp` must never be accepted. */
const Claims = z.object({
  sub: z.string(),
  name: z.string(),
  role: Role,
  partnerId: z.nullable(z.string()),
  exp: z.number().check(z.int()),
  demo: z.optional(z.literal(true)),
});

/** Signs short-lived session tokens: `prms_<claims>.<HMAC-SHA256>`, verified without a look-up. */
export const signSession = (secret: string, claims: SessionClaims) => {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${SESSION_PREFIX}${payload}.${hmacBase64Url(secret, payload)}`;
};

const unauthenticated = (detail: string) =>
  new ProblemError('unauthenticated', detail, {}, { 'WWW-Authenticate': 'Bearer' });

const verifySession = (secret: string, token: string, now: Date, demoMode: boolean): Principal => {
  const parts = token.slice(SESSION_PREFIX.length).split('.');
  const [payload = '', signature = ''] = parts;
  if (parts.length !== 2 || !safeEqual(signature, hmacBase64Url(secret, payload))) {
    throw unauthenticated('The session token is not valid.');
  }
  const parsed = Claims.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  if (!parsed.success) throw unauthenticated('The session token is not valid.');
  const claims = parsed.data;
  if (claims.exp * 1000 <= now.getTime()) {
    throw unauthenticated('The session token has expired: ask your backend for a new one.');
  }
  if (claims.demo && !demoMode) {
    throw unauthenticated(
      'This session was minted with a demo key; demo credentials work only in demo mode.',
    );
  }
  return {
    kind: 'session',
    id: claims.sub,
    name: claims.name,
    role: claims.role,
    partnerId: claims.partnerId,
  };
};

export interface Authenticator {
  authenticate(header: string | undefined, now: Date): Promise<Principal>;
  sessionSecret: string;
}

/**
 * Bearer tokens: API keys (stored as SHA-256 hashes, looked up and cached briefly) or session
 * tokens. Demo keys exist only in demo mode: any other server refuses them.
 */
export const createAuthenticator = (
  db: Queryable,
  options: { demo: boolean; sessionSecret: string },
): Authenticator => {
  const cache = new Map<string, { row: KeyRow | null; until: number }>();
  const findKey = async (hash: string, nowMs: number) => {
    const cached = cache.get(hash);
    if (cached && cached.until > nowMs) return cached.row;
    const [row] = await db.query<KeyRow>(
      'select id, name, role, partner_id, demo, revoked_at from api_keys where key_hash = $1',
      [hash],
    );
    if (cache.size > 10_000) cache.clear();
    cache.set(hash, { row: row ?? null, until: nowMs + KEY_CACHE_MS });
    return row ?? null;
  };
  return {
    sessionSecret: options.sessionSecret,
    async authenticate(header, now) {
      const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
      if (!match?.[1])
        throw unauthenticated('Send "Authorization: Bearer <API key or session token>".');
      const token = match[1];
      if (token.startsWith(SESSION_PREFIX)) {
        try {
          return verifySession(options.sessionSecret, token, now, options.demo);
        } catch (error) {
          if (error instanceof ProblemError) throw error;
          throw unauthenticated('The session token is not valid.');
        }
      }
      const row = await findKey(sha256Hex(token), now.getTime());
      if (!row || row.revoked_at) throw unauthenticated('The API key is not valid.');
      if (row.demo && !options.demo) {
        throw unauthenticated('Demo keys work only on a server started in demo mode.');
      }
      return {
        kind: 'api_key',
        id: row.id,
        name: row.name,
        role: row.role,
        partnerId: row.partner_id,
      };
    },
  };
};

/** A new API key: the secret is returned once; only its hash is stored. */
export const generateApiKey = () => {
  const key = `prm_${randomToken(24)}`;
  return { key, hash: sha256Hex(key) };
};
