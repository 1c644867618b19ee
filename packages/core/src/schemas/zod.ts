import type * as z from 'zod/mini';
import { ZodMiniISODate, ZodMiniISODateTime, ZodMiniNumber } from 'zod/mini';
import { _coercedNumber, _isoDate, _isoDateTime } from 'zod/v4/core';

// `z.iso` and `z.coerce` are namespaces inside zod/mini: a bundler that meets `z.iso.date()` keeps
// the whole namespace object, so every ISO format and every coercion (bigint, date …) ships with
// the one used (measured: +0.8 kB gz in the SDK). These are the same members, taken one by one.

/** `z.iso.datetime()`, without the rest of `z.iso`. */
export const isoDateTime: typeof z.iso.datetime = (params) =>
  _isoDateTime(ZodMiniISODateTime, params);

/** `z.iso.date()`, without the rest of `z.iso`. */
export const isoDate: typeof z.iso.date = (params) => _isoDate(ZodMiniISODate, params);

/** `z.coerce.number()`, without the rest of `z.coerce`. */
export const coerceNumber: typeof z.coerce.number = (params) =>
  _coercedNumber(ZodMiniNumber, params) as never;
