import * as z from 'zod/mini';
import { Id, Name, PageCursor, PageLimit, Text, Timestamp } from './common.js';
import { coerceNumber } from './zod.js';

/** Actions a contract can gate: doing one needs the contract's current version accepted. */
export const GatedAction = z.enum(['registration.submit', 'reservation.create']);
export type GatedAction = z.infer<typeof GatedAction>;

export const ContractKind = z.enum([
  'program_agreement',
  'deal_registration_terms',
  'nda',
  'other',
]);

export const Sha256Hex = z.string().check(z.regex(/^[a-f0-9]{64}$/, 'Use a SHA-256 hex digest'));

export const Contract = z.object({
  id: Id,
  title: Name,
  kind: ContractKind,
  gates: z.array(GatedAction),
  /** `null` until a first version is published. */
  currentVersion: z.nullable(z.number().check(z.int(), z.gte(1))),
  createdAt: Timestamp,
});
export type Contract = z.infer<typeof Contract>;

export const ContractVersion = z.object({
  contractId: Id,
  version: z.number().check(z.int(), z.gte(1)),
  content: z.string(),
  hash: Sha256Hex,
  requiresReacceptance: z.boolean(),
  publishedAt: Timestamp,
});
export type ContractVersion = z.infer<typeof ContractVersion>;

export const CreateContractInput = z.object({
  title: Name,
  kind: ContractKind,
  gates: z.optional(z.array(GatedAction)),
});
export type CreateContractInput = z.infer<typeof CreateContractInput>;

export const PublishVersionInput = z.object({
  content: Text(200_000),
  /** `true` (default): every partner must accept this version before gated actions. */
  requiresReacceptance: z.optional(z.boolean()),
});
export type PublishVersionInput = z.infer<typeof PublishVersionInput>;

/** A contract version the caller's partner still has to accept. */
export const PendingContract = z.object({
  contractId: Id,
  version: z.number().check(z.int(), z.gte(1)),
  title: Name,
  requiresReacceptance: z.boolean(),
  kind: ContractKind,
  content: z.string(),
  hash: Sha256Hex,
  gates: z.array(GatedAction),
  publishedAt: Timestamp,
});
export type PendingContract = z.infer<typeof PendingContract>;

export const PendingContracts = z.object({ data: z.array(PendingContract) });

/** Explicit acceptance: the caller confirms the exact text it read, by its hash. */
export const AcceptContractInput = z.object({
  hash: Sha256Hex,
  accepted: z.literal(true),
});
export type AcceptContractInput = z.infer<typeof AcceptContractInput>;

/** Immutable record of one acceptance. */
export const Acceptance = z.object({
  id: Id,
  contractId: Id,
  version: z.number().check(z.int(), z.gte(1)),
  hash: Sha256Hex,
  userId: z.string(),
  partnerId: Id,
  acceptedAt: Timestamp,
  clientInfo: z.object({ userAgent: z.optional(z.string()), ip: z.optional(z.string()) }),
});
export type Acceptance = z.infer<typeof Acceptance>;

export const AcceptanceListQuery = z.object({
  version: z.optional(coerceNumber().check(z.int(), z.gte(1), z.lte(2_147_483_647))),
  cursor: PageCursor,
  limit: PageLimit,
});

/** `GET /v1/contracts/{id}/acceptances`: who has accepted the current version, and who has not. */
export const AcceptanceReport = z.object({
  contractId: Id,
  version: z.nullable(z.number()),
  data: z.array(Acceptance),
  nextCursor: z.nullable(z.string()),
  notAccepted: z.array(z.object({ partnerId: Id, partnerName: Name })),
});
export type AcceptanceReport = z.infer<typeof AcceptanceReport>;
