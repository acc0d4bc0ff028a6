// Reads the SCB reference CSVs in data/ (see data/SOURCES.md) and loads them into the geography tables.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import { counties, holidays, localities, municipalities } from '../schema.ts';

const DATA_DIR = new URL('../../../../data/', import.meta.url);
const BATCH = 500;

export interface CountyRow { code: string; name: string; population: number }
export interface MunicipalityRow {
  kommunkod: string; name: string; countyCode: string; population: number; lat: number; lon: number; seatName: string;
}
export interface LocalityRow { tatortskod: string; name: string; kommunkod: string; population: number; lat: number; lon: number }
export interface HolidayRow { date: string; nameSv: string; nameEn: string; nonWorkingDay: boolean }

/** Every field stays a string (no casting), so codes such as "0114" keep their leading zeros. */
function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(new URL(file, DATA_DIR), 'utf8'), { columns: true, skip_empty_lines: true });
}

function num(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isFinite(n)) throw new Error(`Bad number for ${what}: "${value}"`);
  return n;
}

export function readCounties(): CountyRow[] {
  return readCsv('sweden_counties.csv').map((r) => ({
    code: r.lan_code!, name: r.lan_name!, population: num(r.population, `county ${r.lan_code}`),
  }));
}

export function readMunicipalities(): MunicipalityRow[] {
  return readCsv('sweden_municipalities.csv').map((r) => ({
    kommunkod: r.kommunkod!,
    name: r.name!,
    countyCode: r.lan_code!,
    population: num(r.population, `kommun ${r.kommunkod}`),
    lat: num(r.lat, `kommun ${r.kommunkod} lat`),
    lon: num(r.lon, `kommun ${r.kommunkod} lon`),
    seatName: r.seat_name!,
  }));
}

export function readLocalities(): LocalityRow[] {
  return readCsv('sweden_localities_tatorter_2020.csv').map((r) => ({
    tatortskod: r.tatortskod!,
    name: r.name!,
    kommunkod: r.kommunkod!,
    population: num(r.population_2020, `tätort ${r.tatortskod}`),
    lat: num(r.lat, `tätort ${r.tatortskod} lat`),
    lon: num(r.lon, `tätort ${r.tatortskod} lon`),
  }));
}

export function readHolidays(): HolidayRow[] {
  return readCsv('sweden_holidays_2020_2035.csv').map((r) => ({
    date: r.date!, nameSv: r.name_sv!, nameEn: r.name_en!, nonWorkingDay: r.non_working_day === '1',
  }));
}

/** Splits rows into insert batches: one statement per batch keeps PGlite fast and stays under the parameter limit. */
export function chunk<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Inserts rows batch by batch; a transaction handle works too, as it is a Db. */
export async function insertBatches<T extends PgTable>(db: Db, table: T, rows: T['$inferInsert'][]): Promise<void> {
  for (const part of chunk(rows)) await db.insert(table).values(part);
}

/** Loads counties, municipalities, localities and holidays (in foreign-key order). */
export async function loadReferenceData(db: Db): Promise<void> {
  await insertBatches(db, counties, readCounties());
  await insertBatches(db, municipalities, readMunicipalities());
  await insertBatches(db, localities, readLocalities());
  await insertBatches(db, holidays, readHolidays());
}
