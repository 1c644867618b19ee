import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Domain } from '../../schemas/account.js';
import {
  accountKeys,
  accountLookupKeys,
  accountMatchesQuery,
  domainStem,
  normalizeAccountName,
  normalizeDomain,
} from './normalize-account.js';

const RUNS = { numRuns: 1000 };
const LEGAL_FORMS = ['Inc.', 'Incorporated', 'LLC', 'Ltd', 'Limited', 'GmbH', 'AG', 'S.A.', 'SAS'];
const MORE_FORMS = ['B.V.', 'NV', 'plc', 'Corp.', 'Corporation', 'Co.', 'Company', 'KG', 'S.r.l.'];
const LAST_FORMS = ['S.p.A.', 'Oy', 'AB', 'AS', 'Pty', 'Pty Ltd', '& Co. KG', 'and Company'];
const legalForm = fc.constantFrom(...LEGAL_FORMS, ...MORE_FORMS, ...LAST_FORMS);

/** Plain company words that are not legal forms. */
const word = fc.stringMatching(/^[a-zA-Zéüøñ][a-zA-Z0-9éüøñ]{1,9}$/).filter((w) => {
  const folded = normalizeAccountName(w);
  return (
    ![
      'inc',
      'ltd',
      'llc',
      'llp',
      'lp',
      'co',
      'ag',
      'sa',
      'as',
      'ab',
      'oy',
      'kg',
      'nv',
      'bv',
    ].includes(folded) && normalizeAccountName(`x ${w}`) === `x ${folded}`
  );
});
const companyName = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
const punctuation = fc.constantFrom(',', '.', ' ', '  ', ' - ', '!', '’', '"', '/', '(', ')');
// Hyphens in positions 3 and 4 are reserved for IDNA A-labels ("xn--…"): the URL parser rightly
// refuses an invalid one such as "xn--a", so plain labels never take that shape.
const label = fc
  .stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/)
  .filter((text) => text.slice(2, 4) !== '--');
const domain = fc
  .tuple(
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('com', 'de', 'io', 'co.uk'),
  )
  .map(([labels, tld]) => [...labels, tld].join('.'));

const randomCase = (text: string, flips: boolean[]) =>
  Array.from(text, (ch, i) => (flips[i % flips.length] ? ch.toUpperCase() : ch.toLowerCase())).join(
    '',
  );

describe('normalizeAccountName', () => {
  it.each([
    ['ACME, Inc.', 'acme'],
    ['Acme Inc', 'acme'],
    ['Acme Inc.', 'acme'],
    ['  acme   incorporated ', 'acme'],
    ['Acme GmbH & Co. KG', 'acme'],
    ['Smith and Co.', 'smith'],
    ['Acme Pty Ltd', 'acme'],
    ['Société Générale S.A.', 'societe generale'],
    ['Straße AG', 'strasse'],
    ["McDonald's Corporation", 'mcdonalds'],
    ['Johnson & Johnson', 'johnson johnson'],
    ['ＡＣＭＥ Inc', 'acme'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeAccountName(input)).toBe(expected);
  });

  it('drops legal forms only at the end, never in the middle', () => {
    expect(normalizeAccountName('Inc Solutions')).toBe('inc solutions');
    expect(normalizeAccountName('Co Op Bank Ltd')).toBe('co op bank');
    expect(normalizeAccountName('Acme and Sons')).toBe('acme and sons');
  });

  it('never reduces a name to nothing: a lone legal form stays', () => {
    expect(normalizeAccountName('Inc.')).toBe('inc');
    expect(normalizeAccountName('Co. Ltd.')).toBe('co');
    expect(normalizeAccountName('and Co')).toBe('and');
  });

  it('keeps a connector that does not join legal forms', () => {
    expect(normalizeAccountName('Rock and')).toBe('rock and');
  });

  it('gives "" only for text without letters or digits', () => {
    expect(normalizeAccountName('  ,.!? ')).toBe('');
  });

  it('is idempotent: normalising a normalised name changes nothing (any Unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (name) => {
        const once = normalizeAccountName(name);
        expect(normalizeAccountName(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it('is idempotent for company-like names with legal forms and punctuation', () => {
    fc.assert(
      fc.property(companyName, fc.array(legalForm, { maxLength: 3 }), (name, forms) => {
        const once = normalizeAccountName([name, ...forms].join(', '));
        expect(normalizeAccountName(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it('ignores case: any mix of upper and lower case normalises alike', () => {
    fc.assert(
      fc.property(companyName, fc.array(fc.boolean(), { minLength: 1 }), (name, flips) => {
        expect(normalizeAccountName(randomCase(name, flips))).toBe(normalizeAccountName(name));
      }),
      RUNS,
    );
  });

  it('ignores punctuation and spacing between words', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.array(punctuation, { minLength: 1 }),
        (ws, seps) => {
          const spaced = ws.join(' ');
          const punctuated = ws.map((w, i) => `${seps[i % seps.length]}${w}`).join(' ');
          expect(normalizeAccountName(punctuated)).toBe(normalizeAccountName(spaced));
        },
      ),
      RUNS,
    );
  });

  it('ignores trailing legal forms: "<name> <forms>" normalises like "<name>"', () => {
    fc.assert(
      fc.property(
        companyName,
        fc.array(legalForm, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(' ', ', '),
        (name, forms, sep) => {
          expect(normalizeAccountName(`${name}${sep}${forms.join(' ')}`)).toBe(
            normalizeAccountName(name),
          );
        },
      ),
      RUNS,
    );
  });
});

describe('normalizeDomain', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['ACME.COM', 'acme.com'],
    ['https://www.acme.com/about', 'acme.com'],
    ['http://user:secret@www.Acme.com:8443/path?query=1#top', 'acme.com'],
    ['acme.com.', 'acme.com'],
    ['//acme.com/x', 'acme.com'],
    ['jane@acme.com', 'acme.com'],
    ['mailto:jane@acme.com', 'acme.com'],
    ['www.www.acme.co.uk', 'acme.co.uk'],
    ['shop.acme.com', 'shop.acme.com'],
    ['www.com', 'www.com'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'acme',
    'Acme Inc',
    '192.168.0.1',
    'http://[::1]/',
    'acme..com',
    'https://',
    'a_b.com',
  ])('returns null for %j, which is not a domain', (input) => {
    expect(normalizeDomain(input)).toBeNull();
  });

  it('is idempotent and its results are valid Domain values (any Unicode input)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), domain), (input) => {
        const once = normalizeDomain(input);
        if (once === null) return;
        expect(normalizeDomain(once)).toBe(once);
        expect(Domain.safeParse(once).success).toBe(true);
      }),
      RUNS,
    );
  });

  it('ignores case, scheme, www, trailing dot, port, path and query around a domain', () => {
    const decorated = fc.tuple(
      domain,
      fc.constantFrom('', '.'),
      fc.constantFrom('', 'http://', 'https://', 'HTTPS://'),
      fc.constantFrom('', 'www.', 'WWW.'),
      fc.constantFrom('', ':8080', ':443'),
      fc.constantFrom('', '/', '/about', '/a/b?c=d', '?x=1#y'),
      fc.array(fc.boolean(), { minLength: 1 }),
    );
    fc.assert(
      fc.property(decorated, ([host, dot, scheme, www, port, rest, flips]) => {
        const url = randomCase(`${scheme}${www}${host}${dot}${port}${rest}`, flips);
        expect(normalizeDomain(url)).toBe(normalizeDomain(host));
        expect(normalizeDomain(host)).not.toBeNull();
      }),
      RUNS,
    );
  });
});

describe('domainStem', () => {
  it.each([
    ['acme.com', 'acme'],
    ['acme.co.uk', 'acme'],
    ['acme.com.au', 'acme'],
    ['acme.co.jp', 'acme'],
    ['acme.com.br', 'acme'],
    ['shop.acme.com', 'acme'],
    ['https://www.shop.acme.co.uk/x', 'acme'],
    ['co.uk', 'co'],
  ])('of %j is %j', (input, expected) => {
    expect(domainStem(input)).toBe(expected);
  });

  it('is null when the input is not a domain', () => {
    expect(domainStem('Acme Inc')).toBeNull();
  });
});

describe('accountLookupKeys and accountMatchesQuery', () => {
  const acme = { name: 'ACME, Inc.', domain: 'acme.com' };

  it('finds an account by any spelling of its name or domain', () => {
    for (const query of [
      'ACME, Inc.',
      'Acme Inc',
      'Acme Inc.',
      'acme',
      'acme.com',
      'ACME.COM',
      'https://www.acme.com/about',
      'acme.co.uk',
      'jane@acme.com',
    ]) {
      expect(accountMatchesQuery(acme, query), query).toBe(true);
    }
  });

  it('meets a name query with a domain-only match and a domain query with a name-only match', () => {
    expect(accountMatchesQuery({ name: 'Other Name', domain: 'acme.com' }, 'Acme Inc')).toBe(true);
    expect(accountMatchesQuery({ name: 'Acme Inc' }, 'https://acme.com')).toBe(true);
    expect(accountMatchesQuery({ name: 'Acme Widgets GmbH' }, 'acme-widgets.de')).toBe(true);
  });

  it('does not match a different company', () => {
    expect(accountMatchesQuery(acme, 'Globex Corporation')).toBe(false);
    expect(accountMatchesQuery(acme, 'globex.com')).toBe(false);
    expect(accountMatchesQuery(acme, 'Acme Rockets')).toBe(false);
    expect(accountMatchesQuery(acme, '')).toBe(false);
  });

  it('returns prefixed keys for a name and for a domain', () => {
    expect([...accountLookupKeys('Acme Inc')]).toEqual(['name:acme', 'stem:acme']);
    expect([...accountLookupKeys('www.acme.co.uk')]).toEqual(['domain:acme.co.uk', 'stem:acme']);
    expect([...accountKeys(acme)].sort()).toEqual(['domain:acme.com', 'name:acme', 'stem:acme']);
  });

  it('every account is found by its own name and by its own domain', () => {
    fc.assert(
      fc.property(
        companyName,
        domain,
        fc.array(legalForm, { maxLength: 2 }),
        (name, host, forms) => {
          const account = { name: [name, ...forms].join(' '), domain: host };
          expect(accountMatchesQuery(account, account.name)).toBe(true);
          expect(accountMatchesQuery(account, `https://www.${host.toUpperCase()}/`)).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe('normalizeDomain and IDNA', () => {
  it('keeps a valid A-label and refuses an invalid one', () => {
    expect(normalizeDomain('münchen.de')).toBe('xn--mnchen-3ya.de');
    expect(normalizeDomain('xn--a.com')).toBeNull();
  });
});
