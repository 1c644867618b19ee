/**
 * The SHA-256 of a contract version's text (DESIGN §2.5). Web Crypto keeps it browser-safe, so
 * a page can check, before accepting, that the text it shows is the text the vendor published.
 */

const toHex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Lower-case hex SHA-256 of the content's UTF-8 bytes. */
export const hashContractContent = async (content: string): Promise<string> =>
  toHex(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(content)));
