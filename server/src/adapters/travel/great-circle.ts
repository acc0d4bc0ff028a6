// The default travel model: straight-line (great-circle) distance stretched by a detour factor, driven
// at one average road speed. No network needed and instant for the whole country; docs/coverage.md and
// decision 0007 give the reasoning for the two parameters and what this model gets wrong.
import { haversineKm } from '../../lib/geo.ts';
import type { MinutesMatrix } from '../../engines/coverage/types.ts';
import type { LatLon, TravelTimes } from './travel.ts';

export interface GreatCircleOptions {
  /** Road kilometres per straight-line kilometre. */
  detourFactor?: number;
  /** Average door-to-door driving speed on the road distance, km/h. */
  speedKmh?: number;
}

/** Circuity of road networks is typically 1.2–1.4; 1.3 is the middle of that range (docs/coverage.md). */
export const DEFAULT_DETOUR_FACTOR = 1.3;
/** A mix of 70–90 km/h rural roads and slower streets at both ends of the trip (docs/coverage.md). */
export const DEFAULT_SPEED_KMH = 70;

export class GreatCircleTravel implements TravelTimes {
  readonly name = 'great-circle';
  readonly detourFactor: number;
  readonly speedKmh: number;

  constructor(options: GreatCircleOptions = {}) {
    this.detourFactor = options.detourFactor ?? DEFAULT_DETOUR_FACTOR;
    this.speedKmh = options.speedKmh ?? DEFAULT_SPEED_KMH;
    if (!(this.detourFactor >= 1) || !(this.speedKmh > 0)) throw new RangeError('detour factor must be ≥ 1 and speed > 0');
  }

  minutes(from: LatLon, to: LatLon): number {
    return (haversineKm(from.lat, from.lon, to.lat, to.lon) * this.detourFactor * 60) / this.speedKmh;
  }

  /** Synchronous for callers that have no network adapter (tests, the bench). */
  matrixSync(origins: readonly LatLon[], destinations: readonly LatLon[]): MinutesMatrix {
    const n = origins.length;
    const minutes = new Float32Array(n * destinations.length);
    destinations.forEach((d, j) => {
      for (let i = 0; i < n; i++) minutes[j * n + i] = this.minutes(origins[i]!, d);
    });
    return { demandCount: n, siteCount: destinations.length, minutes };
  }

  async matrix(origins: readonly LatLon[], destinations: readonly LatLon[]): Promise<MinutesMatrix> {
    return this.matrixSync(origins, destinations);
  }
}
