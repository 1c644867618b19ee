import type { RefinementRule } from '../../schemas/refinements.js';

/**
 * One rule of a value, in the order its schema checks it:
 * - `['trim']` trims a string before the rules after it;
 * - `['min' | 'max', n]` bounds the length of a string or an array;
 * - `['gt' | 'gte' | 'lt' | 'lte', n]` bounds a number; `['int']` wants a safe integer;
 * - `['regex', source, flags, message?]` wants a string to match;
 * - `['httpUrl']` wants an absolute `http:` or `https:` URL (surrounding blanks allowed);
 * - `['notBefore', min, message]`, `['ordered', lesser, greater, message]`: see `refinements.ts`.
 */
export type CheckRule =
  | readonly ['trim']
  | readonly ['min' | 'max' | 'gt' | 'gte' | 'lt' | 'lte', number]
  | readonly ['int']
  | readonly ['regex', string, string, string?]
  | readonly ['httpUrl']
  | RefinementRule;

/**
 * What a request part must be, as plain data: a schema of the contract compiled by
 * `describeSchema`, so a browser checks input with `issuesOf` instead of shipping zod.
 */
export interface Check {
  readonly type: 'string' | 'number' | 'boolean' | 'object' | 'array' | 'enum';
  /** `undefined` passes. */
  readonly optional?: true;
  /** `null` passes. */
  readonly nullable?: true;
  /** The value is turned into a number first (query strings). */
  readonly coerce?: true;
  readonly rules?: readonly CheckRule[];
  /** The fields of an object; other keys are ignored. */
  readonly shape?: Readonly<Record<string, Check>>;
  /** The check of every item of an array. */
  readonly items?: Check;
  /** The values an enum (or a literal) allows. */
  readonly values?: readonly (string | number | boolean | null)[];
}

/** One thing wrong with a value: where (keys and indexes) and what. */
export interface CheckIssue {
  path: (string | number)[];
  message: string;
}

/** zod/mini's message for every issue without a message of its own, as the server answers. */
const INVALID = 'Invalid input';

/**
 * How far an issue stops the checks of the values that contain it, as zod/mini does: a broken
 * rule lets every later rule run (`GO_ON`); a wrong type skips later rules except lengths
 * (`SKIP_RULES`); a non-integer or an oversized array skips them all (`SKIP_ALL`).
 */
const GO_ON = 0;
const SKIP_RULES = 1;
const SKIP_ALL = 2;

interface Found extends CheckIssue {
  stop: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isType = (check: Check, value: unknown): boolean => {
  switch (check.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'enum':
      return check.values?.includes(value as string) ?? false;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return typeof value === check.type;
  }
};

/** A string's length in Unicode code points, as zod counts it (an emoji is one); an array's items. */
const lengthOf = (value: unknown): number =>
  typeof value === 'string' ? [...value].length : (value as unknown[]).length;

/** Each pattern compiled once, not once per value checked. */
const patterns = new Map<string, RegExp>();
const patternOf = (source: string, flags: string): RegExp => {
  const key = `${flags}/${source}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = new RegExp(source, flags);
    patterns.set(key, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
};

/** `Number(input)`, or NaN where that throws (a symbol, an object without a prototype). */
const toNumber = (input: unknown): number => {
  try {
    return Number(input);
  } catch {
    return Number.NaN;
  }
};

/** The message of a rule that `value` breaks, or `undefined` when it keeps it. */
const broken = (
  rule: CheckRule,
  value: unknown,
): { message: string; stop?: number } | undefined => {
  const fails = (failed: boolean, message = INVALID) => (failed ? { message } : undefined);
  switch (rule[0]) {
    case 'min':
      return fails(lengthOf(value) < rule[1]);
    case 'max':
      return fails(lengthOf(value) > rule[1]);
    case 'gt':
      return fails(!((value as number) > rule[1]));
    case 'gte':
      return fails(!((value as number) >= rule[1]));
    case 'lt':
      return fails(!((value as number) < rule[1]));
    case 'lte':
      return fails(!((value as number) <= rule[1]));
    case 'int':
      return Number.isInteger(value)
        ? fails(!Number.isSafeInteger(value))
        : { message: INVALID, stop: SKIP_ALL };
    case 'regex':
      return fails(!patternOf(rule[1], rule[2]).test(value as string), rule[3]);
    case 'httpUrl': {
      const text = (value as string).trim();
      try {
        return fails(!/^https?:\/\//i.test(text) || !/^https?:$/.test(new URL(text).protocol));
      } catch {
        return fails(true);
      }
    }
    case 'notBefore':
      return fails(!((value as string) >= rule[1]), rule[2]);
    case 'ordered': {
      const record = value as Record<string, string>;
      return fails(!((record[rule[1]] as string) <= (record[rule[2]] as string)), rule[3]);
    }
    default:
      return undefined;
  }
};

/** The leading `max` rule an array breaks: zod then reports it alone and looks no further. */
const oversize = (rules: readonly CheckRule[], length: number) => {
  for (const rule of rules) {
    if (rule[0] !== 'min' && rule[0] !== 'max') return undefined;
    if (rule[0] === 'max' && length > rule[1]) return rule;
  }
  return undefined;
};

/** Checks `value` against `check`, adding what is wrong to `found`, the way zod/mini parses. */
const visit = (check: Check, input: unknown, path: (string | number)[], found: Found[]) => {
  if ((input === undefined && check.optional) || (input === null && check.nullable)) return;
  const start = found.length;
  const add = (message: string, stop: number) => found.push({ path, message, stop });
  let value = check.coerce ? toNumber(input) : input;
  if (!isType(check, value)) {
    add(INVALID, SKIP_RULES);
  } else if (check.items) {
    const items = value as unknown[];
    if (oversize(check.rules ?? [], items.length)) {
      add(INVALID, SKIP_ALL);
      return;
    }
    // An index loop, not forEach: holes of a sparse array are checked as `undefined`.
    for (let index = 0; index < items.length; index++) {
      visit(check.items, items[index], [...path, index], found);
    }
  } else if (check.shape) {
    const record = value as Record<string, unknown>;
    for (const [key, field] of Object.entries(check.shape)) {
      visit(field, record[key], [...path, key], found);
    }
  }
  const stopped = (level: number) => found.slice(start).some((issue) => issue.stop >= level);
  for (const rule of check.rules ?? []) {
    const kind = rule[0];
    // Lengths are checked on anything with a length, even after a wrong type (as zod does).
    const skip =
      kind === 'min' || kind === 'max'
        ? (value as { length?: number } | null)?.length === undefined || stopped(SKIP_ALL)
        : stopped(SKIP_RULES);
    if (skip) continue;
    if (kind === 'trim') {
      value = (value as string).trim();
      continue;
    }
    const issue = broken(rule, value);
    if (issue) add(issue.message, issue.stop ?? GO_ON);
  }
};

/**
 * What is wrong with `value` by `check`, in the order and with the paths and messages the server's
 * `400 invalid_request` lists them; empty when the value is valid.
 *
 * @example
 * ```ts
 * import { issuesOf } from '@openprm/core';
 * import { requestChecks } from '@openprm/core/request-checks';
 *
 * issuesOf(requestChecks['registrations.submit'].body!, { accountId: '' });
 * // [{ path: ['accountId'], message: 'Invalid input' }, …]
 * ```
 */
export const issuesOf = (check: Check, value: unknown): CheckIssue[] => {
  const found: Found[] = [];
  visit(check, value, [], found);
  return found.map(({ path, message }) => ({ path, message }));
};
