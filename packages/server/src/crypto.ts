import { createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** One-shot `hash` (Node 20.12+): the API key of every request goes through here. */
export const sha256Hex = (text: string) => hash('sha256', text, 'hex');

export const hmacBase64Url = (secret: string, text: string) =>
  createHmac('sha256', secret).update(text, 'utf8').digest('base64url');

export const safeEqual = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** URL-safe random text with `bytes` bytes of entropy. */
export const randomToken = (bytes = 24) => randomBytes(bytes).toString('base64url');

/** Random bytes drawn in blocks (as `crypto.randomUUID` does): each id takes its own 15. */
const ID_BYTES = 15;
let idPool = Buffer.alloc(0);
let idOffset = 0;
const idBytes = () => {
  if (idOffset + ID_BYTES > idPool.length) {
    idPool = randomBytes(ID_BYTES * 128);
    idOffset = 0;
  }
  idOffset += ID_BYTES;
  return idPool.subarray(idOffset - ID_BYTES, idOffset);
};

/** A new id: a short prefix naming the kind, then 20 random URL-safe characters. */
export const newId = (prefix: string) =>
  `${prefix}_${idBytes().toString('base64url').replace(/[-_]/g, 'x')}`;
