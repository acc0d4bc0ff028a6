// The coverage instance (demand points × sites, travel minutes between them), built lazily and cached
// for the life of the process, because building it is the only slow part (about 2.8 s for the 2,017
// tätorter as candidate sites with the great-circle model; many OSRM requests with road times) while
// every analysis on it takes milliseconds.
//
// Sites are the registry's offices (columns 0..m-1, in loadNetwork's order) followed, for "add sites",
// by every tätort. The two blocks are cached apart:
// - the tätort block never changes (data/ is fixed per release), so it is built once per travel model,
//   and only when a planner first asks for new sites;
// - the office block is keyed by a fingerprint of the offices' ids and coordinates, so a registry change
//   (an office added, moved or removed) gives a new block on the next analysis without any event or
//   invalidation hook, also when several app servers share one database. Which offices offer which
//   service is not in the matrix at all: it is read per request (network.ts).
import { createHash } from 'node:crypto';
import type { TravelTimes } from '../../adapters/travel/index.ts';
import type { CoverageInstance, DemandPoint, Site } from '../../engines/coverage/index.ts';
import { readLocalities, type LocalityRow } from '../../db/seed/reference-data.ts';
import { loadDemand } from './demand.ts';
import type { NetworkOffice } from './network.ts';

let demandPoints: DemandPoint[] | undefined;
/** One array for the process: the engine caches its area groups by the demand array's identity. */
export function demand(): DemandPoint[] {
  demandPoints ??= loadDemand();
  return demandPoints;
}

let localityRows: LocalityRow[] | undefined;
export function localities(): LocalityRow[] {
  localityRows ??= readLocalities();
  return localityRows;
}

interface Block { sites: Site[]; minutes: Float32Array }
interface OfficeEntry { fingerprint: string; block: Promise<Block>; full?: Promise<CoverageInstance> }

const localityBlocks = new Map<string, Promise<Block>>();
const officeBlocks = new Map<string, OfficeEntry>();

export function fingerprint(offices: readonly NetworkOffice[]): string {
  const h = createHash('sha1');
  for (const o of offices) h.update(`${o.id}:${o.lat}:${o.lon};`);
  return h.digest('hex');
}

/** A failed build (a routing server down) is forgotten, so the next request tries again. */
function remembered<T>(build: () => Promise<T>, forget: () => void): Promise<T> {
  const p = build();
  p.catch(forget);
  return p;
}

async function buildBlock(travel: TravelTimes, sites: Site[]): Promise<Block> {
  const matrix = await travel.matrix(demand(), sites);
  return { sites, minutes: matrix.minutes };
}

function officeBlock(travel: TravelTimes, key: string, offices: readonly NetworkOffice[]): OfficeEntry {
  const print = fingerprint(offices);
  const cached = officeBlocks.get(key);
  if (cached?.fingerprint === print) return cached;
  const sites = offices.map((o) => ({ id: o.id, name: o.name, lat: o.lat, lon: o.lon }));
  const entry: OfficeEntry = {
    fingerprint: print,
    block: remembered(() => buildBlock(travel, sites), () => officeBlocks.get(key) === entry && officeBlocks.delete(key)),
  };
  officeBlocks.set(key, entry);
  return entry;
}

function localityBlock(travel: TravelTimes, key: string): Promise<Block> {
  let block = localityBlocks.get(key);
  if (!block) {
    const sites = localities().map((l) => ({ id: `tatort:${l.tatortskod}`, name: l.name, lat: l.lat, lon: l.lon }));
    block = remembered(() => buildBlock(travel, sites), () => localityBlocks.delete(key));
    localityBlocks.set(key, block);
  }
  return block;
}

function instanceOf(blocks: Block[]): CoverageInstance {
  const points = demand();
  const sites = blocks.flatMap((b) => b.sites);
  if (blocks.length === 1) return { demand: points, sites, matrix: { demandCount: points.length, siteCount: sites.length, minutes: blocks[0]!.minutes } };
  // Site-major storage: the blocks' columns simply follow one another.
  const minutes = new Float32Array(points.length * sites.length);
  let at = 0;
  for (const b of blocks) {
    minutes.set(b.minutes, at);
    at += b.minutes.length;
  }
  return { demand: points, sites, matrix: { demandCount: points.length, siteCount: sites.length, minutes } };
}

/**
 * The instance for these offices: office columns only, or followed by every tätort when `withLocalities`
 * (site index m + k is `localities()[k]`). `travelKey` names the travel model's configuration.
 */
export async function coverageInstance(travel: TravelTimes, travelKey: string, offices: readonly NetworkOffice[], withLocalities: boolean): Promise<CoverageInstance> {
  const entry = officeBlock(travel, travelKey, offices);
  if (!withLocalities) return instanceOf([await entry.block]);
  entry.full ??= remembered(
    async () => instanceOf([await entry.block, await localityBlock(travel, travelKey)]),
    () => delete entry.full,
  );
  return entry.full;
}
