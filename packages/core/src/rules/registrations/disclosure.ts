/**
 * What each side learns about a conflict (DESIGN §2.2, "confidential"). The vendor sees every
 * detail. A partner sees per the program's disclosure level:
 * - `none`: nothing but the fact that its registration is contested;
 * - `existence` (default): when the other claim was made, its kind, status and priority;
 * - `identity`: the same plus which partner holds it.
 * A partner never sees the record ids of another partner's registrations or reservations.
 */
import type { Conflict, DisclosureLevel } from '../../schemas/registration.js';

/**
 * A conflict as the rules find it (`ConflictRecord`) or as stored in the vendor's full view
 * (`Conflict` with `id` and `partnerId`): either can be disclosed again for another viewer.
 */
export type DisclosableConflict = Pick<Conflict, 'kind' | 'submittedAt' | 'status' | 'priority'> & {
  id?: string | undefined;
  partnerId?: string | undefined;
};

export type ConflictViewer = 'vendor' | 'partner';

export interface DisclosureOptions {
  level: DisclosureLevel;
  viewer: ConflictViewer;
}

export interface DisclosedConflicts {
  /** True whenever any conflict exists, whatever the level hides. */
  contested: boolean;
  conflicts: Conflict[];
}

const existence = (record: DisclosableConflict): Conflict => ({
  kind: record.kind,
  submittedAt: record.submittedAt,
  status: record.status,
  priority: record.priority,
});

const forVendor = (record: DisclosableConflict): Conflict => {
  const conflict = existence(record);
  if (record.id !== undefined) conflict.id = record.id;
  if (record.partnerId !== undefined) conflict.partnerId = record.partnerId;
  return conflict;
};

const withIdentity = (record: DisclosableConflict): Conflict => {
  const conflict = existence(record);
  if (record.partnerId !== undefined) conflict.partnerId = record.partnerId;
  return conflict;
};

export const discloseConflicts = (
  records: readonly DisclosableConflict[],
  { level, viewer }: DisclosureOptions,
): DisclosedConflicts => {
  const contested = records.length > 0;
  if (viewer === 'vendor') return { contested, conflicts: records.map(forVendor) };
  if (level === 'none') return { contested, conflicts: [] };
  const show = level === 'identity' ? withIdentity : existence;
  return { contested, conflicts: records.map(show) };
};
