import * as z from 'zod/mini';
import { DisclosureLevel } from './registration.js';

/** The program's settings: every rule default in one place. */
export const ProgramSettings = z.object({
  reservationDays: z.number().check(z.int(), z.gte(1)),
  reservationMaxRenewals: z.number().check(z.int(), z.gte(0)),
  decisionHours: z.number().check(z.gt(0)),
  protectionDays: z.number().check(z.int(), z.gte(1)),
  marginBenefitPct: z.number().check(z.gte(0), z.lte(100)),
  expiryWarningDays: z.array(z.number().check(z.int(), z.gte(1))),
  maxExtensions: z.number().check(z.int(), z.gte(0)),
  disclosure: DisclosureLevel,
  staleAfterDays: z.number().check(z.int(), z.gte(1)),
});
export type ProgramSettings = z.infer<typeof ProgramSettings>;

/** The defaults of DESIGN §2. */
export const DEFAULT_PROGRAM: ProgramSettings = {
  reservationDays: 90,
  reservationMaxRenewals: 2,
  decisionHours: 48,
  protectionDays: 90,
  marginBenefitPct: 5,
  expiryWarningDays: [14, 3],
  maxExtensions: 2,
  disclosure: 'existence',
  staleAfterDays: 180,
};
