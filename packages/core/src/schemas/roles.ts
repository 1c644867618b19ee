import * as z from 'zod/mini';
import { Id, Name } from './common.js';
import { isoDateTime } from './zod.js';

/** Vendor side: `vendor_admin`, `channel_manager`. Partner side (bound to one partner): `partner_admin`, `partner_rep`. */
export const Role = z.enum(['vendor_admin', 'channel_manager', 'partner_admin', 'partner_rep']);
export type Role = z.infer<typeof Role>;

export const VENDOR_ROLES = ['vendor_admin', 'channel_manager'] as const satisfies readonly Role[];
export const PARTNER_ROLES = ['partner_admin', 'partner_rep'] as const satisfies readonly Role[];
export const ALL_ROLES = [...VENDOR_ROLES, ...PARTNER_ROLES] as const;

export const isPartnerRole = (role: Role): boolean =>
  (PARTNER_ROLES as readonly Role[]).includes(role);

export const User = z.object({ id: Id, name: Name, role: Role });
export type User = z.infer<typeof User>;

/** `GET /v1/me`. */
export const Me = z.object({ user: User, partnerId: z.nullable(Id) });
export type Me = z.infer<typeof Me>;

/** `POST /v1/sessions`: a vendor backend mints a short-lived token for one of its users. */
export const CreateSessionInput = z.object({
  user: z.object({ id: Id, name: Name }),
  role: Role,
  partnerId: z.optional(z.nullable(Id)),
  ttlSeconds: z.optional(z.number().check(z.int(), z.gte(60), z.lte(86_400))),
});
export type CreateSessionInput = z.infer<typeof CreateSessionInput>;

export const Session = z.object({
  token: z.string(),
  expiresAt: isoDateTime({ offset: true }),
  user: User,
  partnerId: z.nullable(Id),
});
export type Session = z.infer<typeof Session>;
