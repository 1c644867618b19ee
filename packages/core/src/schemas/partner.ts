import * as z from 'zod/mini';
import {
  Count,
  CountryCode,
  Id,
  Name,
  PageCursor,
  PageLimit,
  QueryBoolean,
  Region,
  Timestamp,
} from './common.js';
import { coerceNumber } from './zod.js';

/** Ordered from least to most capable. */
export const SKILL_LEVELS = ['foundation', 'practitioner', 'expert'] as const;
export const SkillLevel = z.enum(SKILL_LEVELS);
export type SkillLevel = z.infer<typeof SkillLevel>;

/** A taxonomy key, lower-case words joined by "-", e.g. `cloud-migration`. */
export const SkillKey = z
  .string()
  .check(
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use a taxonomy key such as cloud-migration'),
    z.maxLength(64),
  );

export const PartnerSkill = z.object({
  skill: SkillKey,
  level: SkillLevel,
  /** How many of the partner's people hold the skill. */
  people: z.optional(Count),
});
export type PartnerSkill = z.infer<typeof PartnerSkill>;

export const Certification = z.object({
  name: Name,
  /** The skill the certification proves, when it maps to one. */
  skill: z.optional(SkillKey),
  expiresAt: Timestamp,
});
export type Certification = z.infer<typeof Certification>;

export const Office = z.object({
  name: Name,
  city: Name,
  country: CountryCode,
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
});
export type Office = z.infer<typeof Office>;

export const Partner = z.object({
  id: Id,
  name: Name,
  /** e.g. `distributor`, `reseller`, `msp`: the board can group by it. */
  segment: z.string(),
  region: Region,
  countries: z.array(CountryCode),
  skills: z.array(PartnerSkill),
  certifications: z.array(Certification),
  offices: z.array(Office),
  peopleCount: z.optional(Count),
  profileUpdatedAt: Timestamp,
  /** Not updated within `staleAfterDays`: excluded from lead matching and, by default, from search. */
  stale: z.boolean(),
});
export type Partner = z.infer<typeof Partner>;

/** `PUT /v1/partners/{id}/skills` replaces the skills inventory and refreshes `profileUpdatedAt`. */
export const UpdateSkillsInput = z.object({
  skills: z.array(PartnerSkill).check(z.maxLength(200)),
  certifications: z.optional(z.array(Certification).check(z.maxLength(200))),
  countries: z.optional(z.array(CountryCode)),
  offices: z.optional(z.array(Office).check(z.maxLength(100))),
  peopleCount: z.optional(Count),
});
export type UpdateSkillsInput = z.infer<typeof UpdateSkillsInput>;

export const PartnerListQuery = z.object({
  region: z.optional(Region),
  segment: z.optional(z.string()),
  stale: z.optional(QueryBoolean),
  cursor: PageCursor,
  limit: PageLimit,
});
export type PartnerListQuery = z.infer<typeof PartnerListQuery>;

/** `GET /v1/partners/search`: lists travel as comma-separated text, e.g. `skills=cloud,security`. */
export const PartnerSearchQuery = z.object({
  skills: z.optional(z.string().check(z.maxLength(1000))),
  match: z.optional(z.enum(['all', 'any'])),
  minLevel: z.optional(SkillLevel),
  certifiedOnly: z.optional(QueryBoolean),
  country: z.optional(CountryCode),
  region: z.optional(Region),
  lat: z.optional(coerceNumber().check(z.gte(-90), z.lte(90))),
  lng: z.optional(coerceNumber().check(z.gte(-180), z.lte(180))),
  radiusKm: z.optional(coerceNumber().check(z.gt(0), z.lte(20_000))),
  /** Fewer results than this within the radius widens the search step by step. */
  minResults: z.optional(coerceNumber().check(z.int(), z.gte(1), z.lte(50))),
  includeStale: z.optional(QueryBoolean),
  limit: z.optional(coerceNumber().check(z.int(), z.gte(1), z.lte(100))),
});
export type PartnerSearchQuery = z.infer<typeof PartnerSearchQuery>;

export const SkillMatch = z.object({
  skill: SkillKey,
  level: z.nullable(SkillLevel),
  meetsLevel: z.boolean(),
  certified: z.boolean(),
});
export type SkillMatch = z.infer<typeof SkillMatch>;

/** Why a partner ranks where it does: the parts of its score. */
export const ScoreExplanation = z.object({
  matched: z.array(SkillMatch),
  missing: z.array(SkillKey),
  distanceKm: z.nullable(z.number()),
  nearestOffice: z.nullable(z.string()),
  freshness: z.enum(['fresh', 'stale']),
  /** Score parts, each 0..1, that add up (weighted) to the score. */
  components: z.object({
    skills: z.number(),
    certifications: z.number(),
    distance: z.number(),
    freshness: z.number(),
  }),
  summary: z.string(),
});
export type ScoreExplanation = z.infer<typeof ScoreExplanation>;

export const PartnerSearchResult = z.object({
  partner: Partner,
  score: z.number().check(z.gte(0), z.lte(1)),
  explanation: ScoreExplanation,
  stale: z.boolean(),
});
export type PartnerSearchResult = z.infer<typeof PartnerSearchResult>;

export const PartnerSearchResponse = z.object({
  data: z.array(PartnerSearchResult),
  /** Set when too few partners matched within the radius and the search widened. */
  widened: z.nullable(
    z.object({
      fromKm: z.number(),
      toKm: z.nullable(z.number()),
      steps: z.number(),
      notice: z.string(),
    }),
  ),
});
export type PartnerSearchResponse = z.infer<typeof PartnerSearchResponse>;
