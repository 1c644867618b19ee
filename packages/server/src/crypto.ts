import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const hmacBase64Url = (secret: string, text: string) =>
  createHmac('sha256', secret).update(text, 'utf8').digest('base64url');

export const safeEqual = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** URL-safe random text with `bytes` bytes of entropy. */
export const randomToken = (bytes = 24) => randomBytes(bytes).toString('base64url');

/** A new id: a short prefix naming the kind, then 20 random URL-safe characters. */
export const newId = (prefix: string) =>
  `${prefix}_${randomBytes(15).toString('base64url').replace(/[-_]/g, 'x')}`;
