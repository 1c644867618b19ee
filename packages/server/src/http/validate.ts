import type { EndpointDefinition, FieldError } from '@openprm/core';
import type * as z from 'zod/mini';
import { invalid } from './problem.js';

/** Turns zod issues into the contract's `errors[]`: a dotted path and a message each. */
export const fieldErrors = (error: z.core.$ZodError, prefix?: string): FieldError[] =>
  error.issues.map((issue) => ({
    path: [...(prefix ? [prefix] : []), ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));

/** The first path at which a string holds a NUL character (PostgreSQL text cannot store one). */
const nulPath = (value: unknown, path: string[] = []): string[] | null => {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = nulPath(inner, [...path, key]);
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
  const nul = nulPath(value);
  if (nul) {
    const path = [...(part === 'body' ? [] : [part]), ...nul].join('.');
    throw invalid(
      [{ path, message: 'Text must not contain NUL characters' }],
      `The ${part} is not valid.`,
    );
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
