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

const ruleOf = (check: CheckDefinition, where: string): CheckRule => {
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
      return check.tx?.(' a ') === 'a' && check.tx?.('A') === 'A'
        ? ['trim']
        : unsupported('an overwrite other than trim', where);
    case 'custom':
      return check.fn?.rule ?? unsupported('a refinement without a described rule', where);
    default:
      return unsupported(`the check ${check.check}`, where);
  }
};

/** `z.url({ protocol: /^https?$/ })` is the one URL check a client can repeat exactly. */
const httpUrlRule = (check: CheckDefinition, where: string): CheckRule =>
  check.protocol?.source === '^https?$' && !check.hostname && !('normalize' in check)
    ? ['httpUrl']
    : unsupported('a URL check other than z.url({ protocol: /^https?$/ })', where);

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
  if (definition.coerce) check.coerce = true;
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
  if (definition.type === 'enum') check.values = Object.values(definition.entries ?? {});
  if (definition.type === 'literal') check.values = [...(definition.values ?? [])];
  return check;
};
