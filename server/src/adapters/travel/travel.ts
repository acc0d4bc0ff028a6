// The travel-time adapter's contract: minutes from each origin to each destination. The coverage
// analyses only see this interface; the great-circle model is the local default and a routing server
// (OSRM's /table) gives road times when TRAVEL_URL is configured.
import type { MinutesMatrix } from '../../engines/coverage/types.ts';

export interface LatLon { lat: number; lon: number }

export interface TravelTimes {
  /** Short name for reports and caches, e.g. "great-circle" or "osrm". */
  readonly name: string;
  /**
   * Minutes from every origin (demand point) to every destination (site), destination-major as the
   * coverage engine stores it (`minutes[d * origins.length + o]`); Infinity where there is no route.
   */
  matrix(origins: readonly LatLon[], destinations: readonly LatLon[]): Promise<MinutesMatrix>;
}
