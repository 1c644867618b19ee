import * as z from 'zod/mini';
import { ErrorCode } from './codes.js';

export const FieldError = z.object({
  /** Dotted path into the input, e.g. `estimatedValue.amount`; empty for the whole input. */
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, with a stable `code`. Sent as `application/problem+json`. */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int(), z.gte(400), z.lte(599)),
  code: ErrorCode,
  detail: z.string(),
  instance: z.optional(z.string()),
  requestId: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});
export type Problem = z.infer<typeof Problem>;
