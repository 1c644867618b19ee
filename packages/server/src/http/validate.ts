import type { EndpointDefinition, FieldError } from '@openprm/core';
import type * as z from 'zod/mini';
import { invalid } from './problem.js';

/** Turns zod issues into the contract's `errors[]`: a dotted path and a message each. */
export const fieldErrors = (error: z.core.$ZodError, prefix?: string): FieldError[] =>
  error.issues.map((issue) => ({
    path: [...(prefix ? [prefix] : []), ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));

/**
 * The first path at which a string cannot be stored, and why: PostgreSQL text cannot hold NUL,
 * and a lone UTF-16 surrogate is no character at all (JSON columns refuse it).
 */
/** With `u`, a surrogate pair reads as one character: only a lone surrogate matches. */
const LONE_SURROGATE = /\p{Cs}/u;

const unstorableText = (
  value: unknown,
  path: string[] = [],
): { path: string[]; message: string } | null => {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path, message: 'Text must not contain NUL characters' };
    if (LONE_SURROGATE.test(value))
      return { path, message: 'Text must be valid Unicode (a lone surrogate)' };
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = unstorableText(inner, [...path, key]);
    if (found) return found;
  }
  return null;
};

/** Parses one part of a request with its contract schema, or answers 400 with every field error. */
export const parsePart = <S extends z.ZodMiniType>(
  schema: S | undefined,
  value: unknown,
  part: 'params' | 'query' | 'body',
): z.output<S> | undefined => {
  if (!schema) return undefined;
  const unstorable = unstorableText(value);
  if (unstorable) {
    const path = [...(part === 'body' ? [] : [part]), ...unstorable.path].join('.');
    throw invalid([{ path, message: unstorable.message }], `The ${part} is not valid.`);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const prefix = part === 'body' ? undefined : part;
  throw invalid(
    fieldErrors(result.error, prefix),
    `The ${part === 'body' ? 'request body' : part} is not valid.`,
  );
};

/** A handler's answer outside the contract is a bug of this server: it must not go out. */
export const assertResponseMatchesContract = (endpoint: EndpointDefinition, body: unknown) => {
  if (!endpoint.response || endpoint.responseKind) return;
  const result = endpoint.response.safeParse(body);
  if (!result.success) {
    const problems = fieldErrors(result.error).map((e) => `${e.path}: ${e.message}`);
    throw new Error(`${endpoint.id} answered outside its contract: ${problems.join('; ')}`);
  }
};
