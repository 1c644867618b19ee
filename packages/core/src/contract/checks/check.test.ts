/**
 * `issuesOf` on a described schema must say exactly what zod says: the same issues, in the same
 * order, with the same paths and messages, for every request part of the contract and a wide
 * range of inputs (valid ones, each field replaced by awkward values, and random mixes of those).
 */

import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { createSeededRandom } from '../../random/seeded-random.js';
import { ordered } from '../../schemas/refinements.js';
import { requests } from '../requests.js';
import { type Check, issuesOf } from './check.js';
import { describeSchema } from './describe.js';
import { describeRequests } from './request-check.js';

/** Values that trip type, length, range, format and coercion checks. */
const AWKWARD: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  '  padded  ',
  'x',
  'abc',
  'ABC',
  'DE',
  'deu',
  'EUR',
  'a b',
  '<img src=x onerror=alert(1)>',
  'cloud-migration',
  'Cloud_Migration',
  'a'.repeat(64),
  'f'.repeat(64),
  0,
  -1,
  1,
  1.5,
  -0.5,
  90,
  91,
  200,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '12',
  '1.5',
  '',
  'NaN',
  true,
  false,
  'true',
  'false',
  [],
  ['x'],
  [1, 2],
  {},
  { amount: 1 },
  '2026-11-23',
  '1899-12-31',
  '1900-01-01',
  '2026-02-30',
  '2024-02-29',
  '2026-11-23T09:00:00Z',
  '2026-11-23T09:00:00',
  '2026-11-23T09:00:00+01:00',
  'https://example.com/hooks/prm',
  ' https://example.com ',
  'http:example.com',
  'ftp://example.com',
  'HTTPS://EXAMPLE.COM',
  'example.com',
  // Lengths count code points, as zod does: an emoji is one, a lone surrogate is one.
  '😀',
  '😀😀😀',
  '\uD800',
  'a\uDC00b',
  Symbol('not a value'),
  Object.create(null),
];

/** Values just around every bound a check names. */
const boundaryValues = (check: Check): unknown[] =>
  (check.rules ?? []).flatMap((rule): unknown[] => {
    if (rule[0] === 'min' || rule[0] === 'max') {
      const length = rule[1];
      return [length - 1, length, length + 1]
        .filter((n) => n >= 0 && n <= 5000)
        .flatMap((n) => [
          'y'.repeat(n),
          '😀'.repeat(n),
          `${'😀'.repeat(Math.max(0, n - 1))}\uD800`,
          Array.from({ length: Math.min(n, 300) }, () => 'y'),
        ]);
    }
    if (rule[0] === 'gt' || rule[0] === 'gte' || rule[0] === 'lt' || rule[0] === 'lte') {
      const bound = rule[1];
      return [bound - 1, bound - 0.5, bound, bound + 0.5, bound + 1, String(bound)];
    }
    return [];
  });

/** Candidates for a valid value; the first the check accepts is used. */
const CANDIDATE_STRINGS = [
  'abc',
  'DE',
  'EUR',
  'Northwind Traders',
  '2026-11-23',
  '2026-11-23T09:00:00Z',
  'https://example.com/hooks/prm',
  'cloud-migration',
  'example.com',
  'a'.repeat(64),
  'true',
];

/** A value `check` accepts, built from its description. */
const validValue = (check: Check): unknown => {
  switch (check.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(check.shape ?? {})) value[key] = validValue(field);
      if (check.rules?.some((rule) => rule[0] === 'ordered')) {
        const [lesser, greater] = Object.keys(value);
        if (lesser && greater) value[lesser] = value[greater];
      }
      return value;
    }
    case 'array':
      return [validValue(check.items as Check)];
    case 'enum':
      return check.values?.[0];
    case 'boolean':
      return true;
    case 'number': {
      const candidates = [1, 5, 60, 0, 0.5];
      const found = candidates.find((n) => issuesOf(check, n).length === 0);
      return check.coerce ? String(found) : found;
    }
    default:
      return CANDIDATE_STRINGS.find((text) => issuesOf(check, text).length === 0);
  }
};

type Path = (string | number)[];

/** Every place in a valid value that a check describes, with that place's check. */
const placesOf = (check: Check, path: Path = []): { path: Path; check: Check }[] => [
  { path, check },
  ...Object.entries(check.shape ?? {}).flatMap(([key, field]) => placesOf(field, [...path, key])),
  ...(check.items ? placesOf(check.items, [...path, 0]) : []),
];

/** A copy of the objects and arrays of `value`; anything else (symbols too) is kept as it is. */
const copyOf = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(copyOf);
  if (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyOf(item)]));
  }
  return value;
};

const withValueAt = (root: unknown, path: Path, value: unknown): unknown => {
  if (path.length === 0) return value;
  const copy = copyOf(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) {
    const next = parent[key];
    // An earlier change replaced a container of this place: nothing to change here.
    if (typeof next !== 'object' || next === null) return root;
    parent = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
};

const zodIssues = (schema: z.ZodMiniType, value: unknown) =>
  (schema.safeParse(value).error?.issues ?? []).map((issue) => ({
    path: issue.path,
    message: issue.message,
  }));

const parts = Object.entries(requests).flatMap(([id, request]) =>
  (['params', 'query', 'body'] as const).flatMap((part) => {
    const schema = (request as { [P in typeof part]?: z.ZodMiniType })[part];
    return schema ? [{ name: `${id} ${part}`, schema }] : [];
  }),
);

describe('issuesOf on described request schemas agrees with zod', () => {
  it('describes every request part of the contract', () => {
    expect(parts.length).toBeGreaterThan(40);
    for (const { schema, name } of parts) expect(() => describeSchema(schema, name)).not.toThrow();
  });

  it.each(parts)('$name', ({ schema }) => {
    const check = describeSchema(schema);
    const valid = validValue(check);
    const compare = (value: unknown) =>
      expect({ value, issues: issuesOf(check, value) }).toEqual({
        value,
        issues: zodIssues(schema, value),
      });

    expect(zodIssues(schema, valid), 'the built value is valid').toEqual([]);
    compare(valid);
    for (const value of [undefined, null, 'text', 5, [], {}]) compare(value);

    const places = placesOf(check).filter((place) => place.path.length > 0);
    for (const place of places) {
      for (const value of [...AWKWARD, ...boundaryValues(place.check)]) {
        compare(withValueAt(valid, place.path, value));
      }
    }

    // Several awkward fields at once: issue order and abort rules across fields.
    const random = createSeededRandom(7);
    for (let round = 0; round < 200 && places.length > 0; round++) {
      let value = valid;
      for (const place of random.sample(places, random.int(1, Math.min(4, places.length)))) {
        value = withValueAt(
          value,
          place.path,
          random.pick([...AWKWARD, ...boundaryValues(place.check)]),
        );
      }
      compare(value);
    }
  });
});

describe('the built request checks', () => {
  it('are what the contract describes today (npm test builds core before testing it)', async () => {
    // A URL, not a module name: typechecking runs before the build and must not need dist/.
    const builtChecks = new URL('../../../dist/request-checks.js', import.meta.url).href;
    const built = (await import(/* @vite-ignore */ builtChecks)) as { requestChecks: unknown };
    expect(built.requestChecks).toEqual(describeRequests(requests));
  });
});

describe('describeSchema', () => {
  it('refuses what it cannot describe exactly, naming where', async () => {
    const z = await import('zod/mini');
    expect(() => describeSchema(z.object({ at: z.url() }), 'demo')).toThrow(/demo\.at/);
    expect(() =>
      describeSchema(z.object({ n: z.number().check(z.refine((n) => n % 2 === 0)) }), 'demo'),
    ).toThrow(/refinement without a described rule/);
    expect(() => describeSchema(z.looseObject({}), 'demo')).toThrow(/catch-all/);
    const refused: [z.ZodMiniType, RegExp][] = [
      [z.string().check(z.minLength(1, 'Required')), /message of its own/],
      [z.number().check(z.gte(0, { abort: true })), /aborting/],
      [z.string().check(z.overwrite((text) => text.trim().toLowerCase())), /other than trim/],
      [z.coerce.string(), /coerced string/],
      [
        z
          .object({ from: z.string().check(z.trim()), to: z.string() })
          .check(ordered('from', 'to', 'x')),
        /rewritten field from/,
      ],
      [z.url({ protocol: /^https?$/, error: 'Bad URL' }), /schema-level error message/],
    ];
    for (const [schema, reason] of refused) {
      expect(() => describeSchema(schema, 'demo')).toThrow(reason);
    }
  });
});
