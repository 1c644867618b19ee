import * as z from 'zod/mini';
import { Id } from '../../schemas/common.js';
import { ALL_ROLES, PARTNER_ROLES, VENDOR_ROLES } from '../../schemas/roles.js';

export const IdParams = z.object({ id: Id });

export const ANY_ROLE = ALL_ROLES;
export const VENDOR = VENDOR_ROLES;
export const PARTNER = PARTNER_ROLES;
export const VENDOR_ADMIN = ['vendor_admin'] as const;
export const MANAGERS = ['vendor_admin', 'channel_manager', 'partner_admin'] as const;
