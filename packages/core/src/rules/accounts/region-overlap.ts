/**
 * Reservations may be limited to a sales region (DESIGN §2.1). `null` means every region of the
 * account tree, so it overlaps any region.
 */

/**
 * Regions are program-defined codes ("EMEA", "DACH"). They are compared without case or
 * surrounding spaces so that "emea" and "EMEA" cannot hold two reservations side by side.
 */
export const sameRegion = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

/** Do two region limits share any region? `null` (all regions) overlaps everything. */
export const regionsOverlap = (a: string | null, b: string | null): boolean =>
  a === null || b === null || sameRegion(a, b);

/** Are two region limits the same limit (both "all regions", or the same region)? */
export const sameRegionLimit = (a: string | null, b: string | null): boolean =>
  a === null || b === null ? a === b : sameRegion(a, b);
