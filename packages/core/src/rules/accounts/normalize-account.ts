/**
 * Forgiving account look-up (DESIGN §2.1): "ACME, Inc.", "Acme Inc" and acme.com must find the
 * same account, so duplicates are not created by typing. Names and domains are normalised the
 * same way when an account is stored and when it is searched for.
 */
import type { Account } from '../../schemas/account.js';

/** Legal-form words, dropped only from the end of a name: "Acme GmbH & Co. KG" is "acme". */
const LEGAL_FORMS: ReadonlySet<string> = new Set(
  [
    'inc incorporated llc llp lp ltd limited gmbh ag sa sas sarl',
    'bv nv plc corp corporation co company kg srl spa oy oyj ab as pty pte',
  ].flatMap((line) => line.split(' ')),
);

/** Joins legal forms ("Smith and Co."): dropped only when a legal form after it was dropped. */
const CONNECTORS: ReadonlySet<string> = new Set(['and']);

/** Removed without leaving a gap, so "S.A." is "sa" and "McDonald's" is "mcdonalds". */
const JOINING_MARKS = /[.'’ʼ`]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}/gu;

const stripDiacritics = (text: string) => text.normalize('NFKD').replace(COMBINING_MARKS, '');

/** Lower case without accents. Applied twice because lower-casing may yield decomposable letters. */
const foldCase = (text: string): string =>
  stripDiacritics(stripDiacritics(text).toLowerCase())
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ς/g, 'σ');

/** Drops trailing legal forms (and connectors between them), always keeping at least one word. */
const dropLegalForms = (words: string[]): string[] => {
  const kept = [...words];
  let droppedForm = false;
  while (kept.length > 1) {
    const last = kept[kept.length - 1] ?? '';
    const isForm = LEGAL_FORMS.has(last);
    if (!isForm && !(droppedForm && CONNECTORS.has(last))) break;
    droppedForm ||= isForm;
    kept.pop();
  }
  return kept;
};

/**
 * The comparable form of a company name: case-folded, without diacritics or punctuation, single
 * spaces, trailing legal forms dropped ("ACME, Inc." → "acme"). Never empties a real name:
 * "Inc." alone stays "inc". Returns "" only for text without letters or digits.
 */
export const normalizeAccountName = (name: string): string => {
  const words = foldCase(name)
    .replace(JOINING_MARKS, '')
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  return dropLegalForms(words).join(' ');
};

/** Matches the `Domain` schema of schemas/account.ts: labels, then an alphabetic top level. */
const DOMAIN_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const MAX_DOMAIN_LENGTH = 253;
const SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

/**
 * The bare, lower-case host of a domain, URL or e-mail address: "https://user@www.Acme.com:8443/
 * about?x=1" and "jane@acme.com" are both "acme.com". `null` when the input holds no domain
 * (IP addresses, single labels, spaces). The WHATWG URL parser (browsers and Node alike) does the
 * host parsing, so internationalised names come back in their ASCII (punycode) form, and an
 * invalid A-label such as "xn--a.com" is no domain.
 */
export const normalizeDomain = (input: string): string | null => {
  const text = input.trim().replace(SCHEME, '').replace(/^\/\//, '');
  if (text === '') return null;
  let host: string;
  try {
    host = new URL(`http://${text}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '');
  // Strip every leading "www." that leaves a domain, so the result is stable when re-normalised.
  while (host.startsWith('www.') && host.indexOf('.', 4) !== -1) host = host.slice(4);
  return host.length <= MAX_DOMAIN_LENGTH && DOMAIN_PATTERN.test(host) ? host : null;
};

/** Public suffixes of two labels, so acme.co.uk has the same stem as acme.com. Common ones only. */
const TWO_LABEL_SUFFIXES: ReadonlySet<string> = new Set(
  [
    'co.uk org.uk ac.uk gov.uk ltd.uk plc.uk me.uk com.au net.au org.au co.nz org.nz',
    'co.jp ne.jp or.jp co.kr co.in co.id co.il co.th co.za',
    'com.br com.ar com.mx com.cn com.hk com.tw com.sg com.my com.tr',
  ].flatMap((line) => line.split(' ')),
);

/**
 * The registrable label of a domain: acme.com, shop.acme.com and acme.co.uk are all "acme".
 * `null` when the input is not a domain.
 */
export const domainStem = (domain: string): string | null => {
  const host = normalizeDomain(domain);
  if (host === null) return null;
  const labels = host.split('.');
  const suffix = labels.slice(-2).join('.');
  const stemAt =
    labels.length >= 3 && TWO_LABEL_SUFFIXES.has(suffix) ? labels.length - 3 : labels.length - 2;
  return labels[stemAt] ?? null;
};

/** A search key: `name:` exact normalised name, `domain:` bare host, `stem:` the name's core. */
export type AccountLookupKey = `name:${string}` | `domain:${string}` | `stem:${string}`;

/** "acme widgets", "acme-widgets" and "acmewidgets" share one stem. */
const compact = (text: string) => text.replace(/[\s-]/g, '');

/**
 * The keys to search by. A single word that parses as a domain ("acme.com", a URL, an e-mail
 * address) gives its domain and stem; anything else is a name and gives its normalised form and
 * stem. A name and a domain meet on the stem: "Acme Inc" → stem:acme ← "acme.co.uk".
 */
export const accountLookupKeys = (nameOrDomain: string): Set<AccountLookupKey> => {
  const keys = new Set<AccountLookupKey>();
  const domain = /\s/.test(nameOrDomain.trim()) ? null : normalizeDomain(nameOrDomain);
  if (domain !== null) {
    keys.add(`domain:${domain}`);
    const stem = domainStem(domain);
    if (stem !== null) keys.add(`stem:${compact(stem)}`);
    return keys;
  }
  const name = normalizeAccountName(nameOrDomain);
  if (name !== '') {
    keys.add(`name:${name}`);
    keys.add(`stem:${compact(name)}`);
  }
  return keys;
};

/** Every key an account can be found by: those of its name and of its domain. */
export const accountKeys = (account: Pick<Account, 'name' | 'domain'>): Set<AccountLookupKey> => {
  const keys = accountLookupKeys(account.name);
  if (account.domain !== undefined) {
    for (const key of accountLookupKeys(account.domain)) keys.add(key);
  }
  return keys;
};

/** Does a forgiving search for `query` find this account? */
export const accountMatchesQuery = (
  account: Pick<Account, 'name' | 'domain'>,
  query: string,
): boolean => {
  const wanted = accountKeys(account);
  for (const key of accountLookupKeys(query)) if (wanted.has(key)) return true;
  return false;
};
