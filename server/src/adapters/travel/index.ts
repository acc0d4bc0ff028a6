// Picks the travel model: OSRM road times when TRAVEL_URL is set, the great-circle model otherwise.
import { GreatCircleTravel } from './great-circle.ts';
import { OsrmTravel } from './osrm.ts';
import type { TravelTimes } from './travel.ts';

export type { LatLon, TravelTimes } from './travel.ts';
export { GreatCircleTravel, DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_KMH, type GreatCircleOptions } from './great-circle.ts';
export { OsrmTravel, type OsrmOptions } from './osrm.ts';

export interface TravelConfig {
  /** Base URL of an OSRM server (TRAVEL_URL); absent for the great-circle model. */
  url?: string;
  profile?: string;
  maxLocations?: number;
}

export function createTravelTimes(config: TravelConfig = {}): TravelTimes {
  const url = config.url?.trim();
  if (url) return new OsrmTravel({ url, profile: config.profile, maxLocations: config.maxLocations });
  return new GreatCircleTravel();
}
