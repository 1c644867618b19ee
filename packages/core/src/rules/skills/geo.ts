/** Great-circle distances between offices and a search point (DESIGN §2.3, "distance from a point"). */
import type { Office } from '../../schemas/partner.js';

export interface LatLng {
  lat: number;
  lng: number;
}

/** Mean Earth radius, the usual constant for haversine distances. */
export const EARTH_RADIUS_KM = 6371;

/** The farthest two points on Earth can be apart along its surface. */
export const MAX_SURFACE_DISTANCE_KM = Math.PI * EARTH_RADIUS_KM;

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Haversine distance in kilometres; symmetric, and 0 for the same point. */
export const distanceKm = (a: LatLng, b: LatLng): number => {
  const sinHalfLat = Math.sin(toRadians(b.lat - a.lat) / 2);
  const sinHalfLng = Math.sin(toRadians(b.lng - a.lng) / 2);
  const h =
    sinHalfLat * sinHalfLat +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * sinHalfLng * sinHalfLng;
  // Rounding can push h a hair outside [0, 1]; asin would then return NaN.
  const clamped = Math.min(1, Math.max(0, h));
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(clamped));
};

export interface NearestOffice {
  office: Office;
  distanceKm: number;
}

/** The office closest to `point` (the first listed wins a tie), or `null` when there is none. */
export const nearestOffice = (offices: readonly Office[], point: LatLng): NearestOffice | null => {
  let nearest: NearestOffice | null = null;
  for (const office of offices) {
    const distance = distanceKm(office, point);
    if (nearest === null || distance < nearest.distanceKm) {
      nearest = { office, distanceKm: distance };
    }
  }
  return nearest;
};
