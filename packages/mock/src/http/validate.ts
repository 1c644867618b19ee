import type { EndpointDefinition, FieldError } from '@openprm/core';
import type * as z from 'zod/mini';
import { invalid } from './problem.js';

/** zod issues as the contract's `errors[]`: a dotted path and a message each. */
export const fieldErrors = (error: z.core.$ZodError, prefix?: string): FieldError[] =>
  error.issues.map((issue) => ({
    path: [...(prefix ? [prefix] : []), ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));

/** Parses one part of a request with its contract schema, or answers 400 with every field error. */
export const parsePart = (
  schema: z.ZodMiniType | undefined,
  value: unknown,
  part: 'params' | 'query' | 'body',
): unknown => {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const prefix = part === 'body' ? undefined : part;
  throw invalid(
    fieldErrors(result.error, prefix),
    `The ${part === 'body' ? 'request body' : part} is not valid.`,
  );
};

/** The mock must never answer outside the contract: a mismatch is a bug (answered as a 500). */
export const assertAnswerInContract = (endpoint: EndpointDefinition, answer: unknown) => {
  if (!endpoint.response || endpoint.responseKind) return;
  const checked = endpoint.response.safeParse(answer);
  if (checked.success) return;
  const problems = fieldErrors(checked.error).map((e) => `${e.path}: ${e.message}`);
  throw new Error(`${endpoint.id} answered outside its contract: ${problems.join('; ')}`);
};
