/** The header every webhook delivery carries: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const WEBHOOK_SIGNATURE_HEADER = 'openprm-signature';

export interface VerifyWebhookOptions {
  /** Deliveries older (or newer) than this are refused, against replays. @default 300 */
  toleranceSeconds?: number;
  /** @default new Date() */
  now?: Date;
}

const encoder = new TextEncoder();

const hmacHex = async (secret: string, message: string): Promise<string> => {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  return Array.from(signature, (byte) => byte.toString(16).padStart(2, '0')).join('');
};

/** Compares without stopping at the first difference, so timing reveals nothing. */
const equalInConstantTime = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
};

/** Signs a delivery the way the server does: HMAC-SHA256 over `<t>.<raw body>`. */
export const signWebhookPayload = async (
  rawBody: string,
  secret: string,
  timestampSeconds: number,
): Promise<string> =>
  `t=${timestampSeconds},v1=${await hmacHex(secret, `${timestampSeconds}.${rawBody}`)}`;

/**
 * True when `header` (the `OpenPRM-Signature` of a delivery) was made with `secret` over exactly
 * `rawBody` (the bytes as received — verify before parsing JSON) within the tolerance.
 *
 * @example
 * ```ts
 * const ok = await verifyWebhookSignature(await request.text(), request.headers.get('openprm-signature'), secret);
 * if (!ok) return new Response('bad signature', { status: 400 });
 * ```
 */
export const verifyWebhookSignature = async (
  rawBody: string,
  header: string | null | undefined,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<boolean> => {
  if (!header || !secret) return false;
  const parts = new Map<string, string[]>();
  for (const part of header.split(',')) {
    const [name, value] = part.trim().split('=', 2);
    if (name && value) parts.set(name, [...(parts.get(name) ?? []), value]);
  }
  const timestamp = Number(parts.get('t')?.[0]);
  const signatures = parts.get('v1') ?? [];
  if (!Number.isInteger(timestamp) || signatures.length === 0) return false;
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = await hmacHex(secret, `${timestamp}.${rawBody}`);
  // Several v1 values: the server signs with both secrets while one is being rotated.
  return signatures.some((signature) => equalInConstantTime(signature, expected));
};
