// Road travel times from an OSRM server's table service (http://project-osrm.org/docs/v5.24.0/api/#table-service):
// GET {url}/table/v1/{profile}/{lon,lat;…}?sources=…&destinations=…&annotations=duration, answering
// `durations[source][destination]` in seconds (null where there is no route). A server answers at most
// `--max-table-size` locations per request (100 by default), so a large matrix is fetched in blocks.
// Failures become `upstream_error` AppErrors with a reason, as the SMS adapter's do.
import { AppError } from '../../lib/errors.ts';
import type { MinutesMatrix } from '../../engines/coverage/types.ts';
import type { LatLon, TravelTimes } from './travel.ts';

export interface OsrmOptions {
  /** Server base, e.g. http://localhost:5000 (TRAVEL_URL). */
  url: string;
  /** The profile path segment; OSRM serves whichever profile it was built with under any name. */
  profile?: string;
  /** Locations per request (sources + destinations); the server's --max-table-size. */
  maxLocations?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  timeoutMs?: number;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

interface TableResponse { code?: string; message?: string; durations?: (number | null)[][] }

const failure = (reason: string, message: string, details: Record<string, unknown> = {}) =>
  new AppError('upstream_error', message, { reason, details: { provider: 'osrm', ...details } });

/** Coordinates as OSRM wants them: lon,lat with 6 decimals (about 0.1 m). */
const coord = (p: LatLon) => `${p.lon.toFixed(6)},${p.lat.toFixed(6)}`;

export class OsrmTravel implements TravelTimes {
  readonly name = 'osrm';
  private readonly base: string;
  private readonly profile: string;
  private readonly block: number;
  private readonly concurrency: number;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(options: OsrmOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.profile = options.profile ?? 'driving';
    const max = options.maxLocations ?? 100;
    if (max < 2) throw new RangeError('maxLocations must be at least 2');
    this.block = Math.floor(max / 2);
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** The URL of one table request: the block's origins first, then its destinations. */
  tableUrl(origins: readonly LatLon[], destinations: readonly LatLon[]): string {
    const sources = origins.map((_, i) => i).join(';');
    const targets = destinations.map((_, j) => origins.length + j).join(';');
    const coords = [...origins, ...destinations].map(coord).join(';');
    return `${this.base}/table/v1/${this.profile}/${coords}?sources=${sources}&destinations=${targets}&annotations=duration`;
  }

  async matrix(origins: readonly LatLon[], destinations: readonly LatLon[]): Promise<MinutesMatrix> {
    const n = origins.length;
    const minutes = new Float32Array(n * destinations.length).fill(Infinity);
    const jobs: { o: number; d: number }[] = [];
    for (let o = 0; o < n; o += this.block) for (let d = 0; d < destinations.length; d += this.block) jobs.push({ o, d });
    const run = async (job: { o: number; d: number }) => {
      const os = origins.slice(job.o, job.o + this.block);
      const ds = destinations.slice(job.d, job.d + this.block);
      const durations = await this.table(os, ds);
      for (let a = 0; a < os.length; a++) {
        for (let b = 0; b < ds.length; b++) {
          const s = durations[a]?.[b];
          if (typeof s === 'number' && Number.isFinite(s)) minutes[(job.d + b) * n + job.o + a] = s / 60;
        }
      }
    };
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) await run(jobs[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, jobs.length) }, worker));
    return { demandCount: n, siteCount: destinations.length, minutes };
  }

  private async table(origins: readonly LatLon[], destinations: readonly LatLon[]): Promise<(number | null)[][]> {
    let res: Response;
    try {
      res = await this.fetch(this.tableUrl(origins, destinations), { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      throw failure(timedOut ? 'travel_timeout' : 'travel_unreachable', `Routing server ${timedOut ? 'did not answer in time' : 'could not be reached'}`);
    }
    let body: TableResponse;
    try {
      body = (await res.json()) as TableResponse;
    } catch {
      throw failure('travel_provider_error', `Routing server answered ${res.status} without JSON`, { status: res.status });
    }
    // OSRM reports its own errors as JSON with a code (InvalidQuery, TooBig, NoTable, …) and HTTP 400.
    if (!res.ok || body.code !== 'Ok') {
      throw failure('travel_rejected', `Routing server refused the table request: ${body.code ?? res.status} ${body.message ?? ''}`.trim(), { status: res.status, code: body.code });
    }
    const d = body.durations;
    if (!Array.isArray(d) || d.length !== origins.length || d.some((row) => !Array.isArray(row) || row.length !== destinations.length)) {
      throw failure('travel_provider_error', 'Routing server answered a table of the wrong shape');
    }
    return d;
  }
}
