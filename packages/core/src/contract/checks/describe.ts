import type * as z from 'zod/mini';
import type { RefinementRule } from '../../schemas/refinements.js';
import type { Check, CheckRule } from './check.js';

/** The parts of zod's internal definitions that request schemas use. */
interface Definition {
  type: string;
  coerce?: boolean;
  checks?: readonly z.ZodMiniType[];
  shape?: Record<string, z.ZodMiniType>;
  catchall?: z.ZodMiniType;
  element?: z.ZodMiniType;
  innerType?: z.ZodMiniType;
  in?: z.ZodMiniType;
  out?: z.ZodMiniType;
  entries?: Record<string, string | number>;
  values?: readonly (string | number | boolean | null)[];
  error?: unknown;
}

interface CheckDefinition {
  check: string;
  format?: string;
  pattern?: RegExp;
  protocol?: RegExp;
  hostname?: RegExp;
  normalize?: boolean;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  tx?: (value: string) => string;
  fn?: { rule?: RefinementRule };
  error?: (issue: object) => unknown;
  abort?: boolean;
  when?: unknown;
  path?: unknown;
}

const definitionOf = (schema: z.ZodMiniType) =>
  (schema as unknown as { _zod: { def: Definition } })._zod.def;

const unsupported = (what: string, where: string): never => {
  throw new Error(
    `describeSchema: ${what} at "${where || '(root)'}" cannot be described as a request check. ` +
      'Use the checks it supports (see check.ts) or a described refinement (refinements.ts).',
  );
};

/** A check's own message, when it has one (`z.regex(re, 'Use …')`). */
const messageOf = (check: CheckDefinition): string | undefined => {
  const message = check.error?.({});
  return typeof message === 'string' ? message : undefined;
};

/** zod gives length checks a `when` of its own; on any other check it was set by hand. */
const OWN_WHEN = new Set(['min_length', 'max_length']);
/** The checks whose own message a rule carries. */
const OWN_MESSAGE = new Set(['string_format', 'custom']);

const ruleOf = (check: CheckDefinition, where: string): CheckRule => {
  if (check.abort) unsupported(`an aborting ${check.check} check`, where);
  if (check.path) unsupported(`a ${check.check} check with a path of its own`, where);
  if (check.when && !OWN_WHEN.has(check.check)) {
    unsupported(`a ${check.check} check with a when condition`, where);
  }
  if (messageOf(check) !== undefined && !OWN_MESSAGE.has(check.check)) {
    unsupported(`a message of its own on a ${check.check} check`, where);
  }
  switch (check.check) {
    case 'min_length':
      return ['min', check.minimum as number];
    case 'max_length':
      return ['max', check.maximum as number];
    case 'greater_than':
      return [check.inclusive ? 'gte' : 'gt', check.value as number];
    case 'less_than':
      return [check.inclusive ? 'lte' : 'lt', check.value as number];
    case 'number_format':
      return check.format === 'safeint'
        ? ['int']
        : unsupported(`number format ${check.format}`, where);
    case 'string_format': {
      if (check.format === 'url') return httpUrlRule(check, where);
      if (!check.pattern) return unsupported(`string format ${check.format}`, where);
      const message = messageOf(check);
      const { source, flags } = check.pattern;
      return message ? ['regex', source, flags, message] : ['regex', source, flags];
    }
    case 'overwrite':
      // Only a trim can be described; recognised by what it does.
      return TRIM_PROBES.every(([input, trimmed]) => check.tx?.(input) === trimmed)
        ? ['trim']
        : unsupported('an overwrite other than trim', where);
    case 'custom':
      return check.fn?.rule ?? unsupported('a refinement without a described rule', where);
    default:
      return unsupported(`the check ${check.check}`, where);
  }
};

/** What `String.prototype.trim` does and any other rewrite would not. */
const TRIM_PROBES: readonly [string, string][] = [
  [' a ', 'a'],
  ['A', 'A'],
  ['\t a  b \n', 'a  b'],
  ['\u00a0x\u2003', 'x'],
];

/** `z.url({ protocol: /^https?$/ })` is the one URL check a client can repeat exactly. */
const httpUrlRule = (check: CheckDefinition, where: string): CheckRule =>
  check.protocol?.source === '^https?$' &&
  !check.hostname &&
  !('normalize' in check) &&
  messageOf(check) === undefined
    ? ['httpUrl']
    : unsupported('a URL check other than z.url({ protocol: /^https?$/ })', where);

/**
 * `ordered` compares the fields as they arrive: refused where zod would compare them trimmed or
 * coerced (`"10" <= "9"` as text), which a client could not repeat.
 */
const refuseRewrittenOrder = (check: Check, where: string) => {
  for (const rule of check.rules ?? []) {
    if (rule[0] !== 'ordered') continue;
    for (const key of [rule[1], rule[2]]) {
      const field = check.shape?.[key];
      if (!field) unsupported(`an order over the missing field ${key}`, where);
      if (field?.coerce || field?.rules?.some(([kind]) => kind === 'trim')) {
        unsupported(`an order over the rewritten field ${key}`, where);
      }
    }
  }
};

const TYPES: Record<string, Check['type']> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  object: 'object',
  array: 'array',
  enum: 'enum',
  literal: 'enum',
};

/**
 * Compiles a request schema of the contract into a `Check`: plain data that `issuesOf` checks
 * like zod would, so browsers validate before sending without bundling zod. Throws on anything
 * it cannot describe exactly, so the build fails rather than a client checking less.
 */
export const describeSchema = (schema: z.ZodMiniType, where = ''): Check => {
  const definition = definitionOf(schema);
  if (definition.error) unsupported('a schema-level error message', where);
  const wrapped = (extra: Partial<Check>): Check => {
    if (definition.checks?.length) unsupported(`checks on a ${definition.type}`, where);
    return { ...describeSchema(definition.innerType as z.ZodMiniType, where), ...extra };
  };
  switch (definition.type) {
    case 'optional':
      return wrapped({ optional: true });
    case 'nullable':
      return wrapped({ nullable: true });
    case 'pipe':
      // `z.pipe(schema, z.transform(…))` checks what `schema` checks; a transform cannot fail.
      if (definitionOf(definition.out as z.ZodMiniType).type !== 'transform') {
        unsupported('a pipe into a schema', where);
      }
      if (definition.checks?.length) unsupported('checks on a pipe', where);
      return describeSchema(definition.in as z.ZodMiniType, where);
  }
  const type = TYPES[definition.type] ?? unsupported(`the type ${definition.type}`, where);
  // A string format (`z.iso.date()`) is itself the first check of its schema.
  const own = definition as unknown as CheckDefinition;
  const checks = [
    ...(own.check ? [own] : []),
    ...(definition.checks ?? []).map(
      (check) => (check as unknown as { _zod: { def: CheckDefinition } })._zod.def,
    ),
  ];
  const rules = checks.map((check) => ruleOf(check, where));
  const check: { -readonly [K in keyof Check]: Check[K] } = { type };
  if (definition.coerce) {
    if (type !== 'number') unsupported(`a coerced ${type}`, where);
    check.coerce = true;
  }
  if (rules.length > 0) check.rules = rules;
  if (definition.type === 'object') {
    if (definition.catchall) unsupported('an object with a catch-all', where);
    check.shape = Object.fromEntries(
      Object.entries(definition.shape ?? {}).map(([key, field]) => [
        key,
        describeSchema(field, where ? `${where}.${key}` : key),
      ]),
    );
  }
  if (definition.type === 'array') {
    check.items = describeSchema(definition.element as z.ZodMiniType, `${where}[]`);
  }
  if (definition.type === 'enum') {
    const values = Object.values(definition.entries ?? {});
    // A numeric TypeScript enum maps names to numbers and back: refused rather than guessed.
    if (values.some((value) => typeof value !== 'string')) unsupported('a numeric enum', where);
    check.values = values;
  }
  if (definition.type === 'literal') check.values = [...(definition.values ?? [])];
  refuseRewrittenOrder(check, where);
  return check;
};
