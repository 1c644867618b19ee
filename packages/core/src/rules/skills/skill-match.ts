/** Which of the requested skills a partner holds, at what level, and whether a certification proves it. */
import {
  type Certification,
  type PartnerSkill,
  SKILL_LEVELS,
  type SkillLevel,
  type SkillMatch,
} from '../../schemas/partner.js';
import type { Instant } from '../time.js';
import { validCertificationsFor } from './certifications.js';

/** 0 for the lowest level, rising with capability (the order of `SKILL_LEVELS`). */
export const skillLevelRank = (level: SkillLevel): number => SKILL_LEVELS.indexOf(level);

export const meetsSkillLevel = (level: SkillLevel | null, minLevel: SkillLevel): boolean =>
  level !== null && skillLevelRank(level) >= skillLevelRank(minLevel);

/** Skill keys as typed by people ("Cloud-Migration ") become taxonomy keys, once each. */
export const normaliseSkillKeys = (skills: readonly string[]): string[] => [
  ...new Set(skills.map((skill) => skill.trim().toLowerCase()).filter((skill) => skill !== '')),
];

/** A partner listing a skill twice is judged by its higher level. */
const highestLevels = (skills: readonly PartnerSkill[]): Map<string, SkillLevel> => {
  const levels = new Map<string, SkillLevel>();
  for (const { skill, level } of skills) {
    const known = levels.get(skill);
    if (known === undefined || skillLevelRank(level) > skillLevelRank(known))
      levels.set(skill, level);
  }
  return levels;
};

export interface SkillMatchResult {
  /** Requested skills the partner lists or holds a valid certification for. */
  matched: SkillMatch[];
  /** Requested skills the partner neither lists nor is certified in. */
  missing: string[];
}

/** Compare a partner's inventory with the requested skills; expired certifications never count. */
export const matchSkills = (
  partner: { skills: readonly PartnerSkill[]; certifications: readonly Certification[] },
  requested: readonly string[],
  minLevel: SkillLevel,
  now: Instant,
): SkillMatchResult => {
  const levels = highestLevels(partner.skills);
  const matched: SkillMatch[] = [];
  const missing: string[] = [];
  for (const skill of requested) {
    const level = levels.get(skill) ?? null;
    const certified = validCertificationsFor(partner.certifications, skill, now).length > 0;
    if (level === null && !certified) missing.push(skill);
    else matched.push({ skill, level, meetsLevel: meetsSkillLevel(level, minLevel), certified });
  }
  return { matched, missing };
};

/**
 * Does this match satisfy the search? The level must be reached, and under `certifiedOnly` a
 * valid certification must prove the skill too.
 */
export const satisfiesSearch = (match: SkillMatch, certifiedOnly: boolean): boolean =>
  match.meetsLevel && (match.certified || !certifiedOnly);
