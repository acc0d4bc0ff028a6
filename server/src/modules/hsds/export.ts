// Writes the whole registry as Open Referral HSDS 3.0 JSON files plus an index, for open-data publishing
// (`npm run cli -- export-hsds --out DIR`).
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../../db/client.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { HSDS_VERSION, SliceMapper } from './mapper.ts';
import { loadRegistry } from './repo.ts';
import { createHsdsValidator, type HsdsSchemaName } from './validate.ts';

const SCHEMA_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema';

export interface HsdsExportFile {
  name: string;
  path: string;
  /** HSDS record type every element of the file's array conforms to. */
  hsdsSchema: HsdsSchemaName;
  records: number;
  bytes: number;
  sha256: string;
}

export interface HsdsExportResult {
  outDir: string;
  asOf: string;
  files: HsdsExportFile[];
  /** Set when the export was validated: how many records were checked (all of them, or it threw). */
  validatedRecords?: number;
}

export interface HsdsExportOptions {
  /** First date of the dated schedule entries (exceptions, holidays); default today in Sweden. */
  asOf?: string;
  /** Check every record against the compiled HSDS schemas (unknown fields rejected) before writing. */
  validate?: boolean;
}

interface FileSpec {
  name: string;
  hsdsSchema: HsdsSchemaName;
  schemaUrl: string;
  description: string;
  records: unknown[];
}

/** Written to a temporary name and renamed, so a reader never sees half a file. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

/**
 * The export is normalised like HSDS's tabular form, so no record is repeated thousands of times:
 * - organizations.json: organizations with identifiers and their services' one-to-one fields;
 * - services.json: fully nested services whose service_at_locations name the location by id;
 * - locations.json: every office as a full location (address, languages, accessibility, schedules);
 * - service_at_locations.json: every (service, location) pair with its stable id.
 * Ids are the registry's UUIDs or derived from natural keys, so two exports of the same data are identical.
 */
export async function exportHsds(db: Db, outDir: string, opts: HsdsExportOptions = {}): Promise<HsdsExportResult> {
  const asOf = opts.asOf ?? stockholmDate(new Date());
  const { slice, ctx } = await loadRegistry(db, asOf);
  const mapper = new SliceMapper(slice, ctx);

  const specs: FileSpec[] = [
    {
      name: 'organizations.json',
      hsdsSchema: 'organization',
      schemaUrl: `${SCHEMA_BASE}/compiled/organization.json`,
      description: 'Agencies and municipalities (HSDS organization)',
      records: slice.agencies.map((a) => mapper.organization(a.id, 'full')),
    },
    {
      name: 'services.json',
      hsdsSchema: 'service',
      schemaUrl: `${SCHEMA_BASE}/compiled/service.json`,
      description: 'Services (HSDS service), locations referenced by id',
      records: slice.services.map((s) => mapper.serviceRecord(s.id, 'reference')),
    },
    {
      name: 'locations.json',
      hsdsSchema: 'location',
      schemaUrl: `${SCHEMA_BASE}/location.json`,
      description: 'Offices (HSDS location) with address, languages, accessibility and schedules',
      records: mapper.locations(),
    },
    {
      name: 'service_at_locations.json',
      hsdsSchema: 'service_at_location',
      schemaUrl: `${SCHEMA_BASE}/compiled/service_at_location.json`,
      description: 'Which office offers which service (HSDS service_at_location)',
      records: slice.links.map((l) => mapper.serviceAtLocation(l, 'reference')),
    },
  ];

  let validatedRecords: number | undefined;
  if (opts.validate) {
    const validator = createHsdsValidator();
    const problems: string[] = [];
    let checked = 0;
    for (const spec of specs) {
      for (const [i, record] of spec.records.entries()) {
        checked += 1;
        for (const e of validator.validate(spec.hsdsSchema, record).errors) if (problems.length < 20) problems.push(`${spec.name}[${i}] ${e}`);
      }
    }
    // Nothing is written when a record is off-standard: a half-valid open-data release is worse than none.
    if (problems.length) throw new Error(`The HSDS export does not validate (first problems):\n  ${problems.join('\n  ')}`);
    validatedRecords = checked;
  }

  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  const files: HsdsExportFile[] = [];
  for (const spec of specs) {
    const text = `${JSON.stringify(spec.records, null, 2)}\n`;
    const path = join(dir, spec.name);
    await writeAtomic(path, text);
    files.push({
      name: spec.name,
      path,
      hsdsSchema: spec.hsdsSchema,
      records: spec.records.length,
      bytes: Buffer.byteLength(text),
      sha256: createHash('sha256').update(text).digest('hex'),
    });
  }

  // A small datapackage-style index. No timestamp: the same registry on the same day gives the same bytes.
  const index = {
    name: 'samservice-hsds',
    title: 'Samservice: statliga servicekontor och deras tjänster (Open Referral HSDS 3.0)',
    hsds_version: HSDS_VERSION,
    as_of: asOf,
    schema_licence: 'HSDS schemas by Open Referral, CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)',
    resources: files.map((f) => {
      const spec = specs.find((s) => s.name === f.name)!;
      return {
        name: f.name.replace(/\.json$/, ''),
        path: f.name,
        format: 'json',
        mediatype: 'application/json',
        description: spec.description,
        hsds_schema: spec.schemaUrl,
        records: f.records,
        bytes: f.bytes,
        hash: `sha256:${f.sha256}`,
      };
    }),
  };
  await writeAtomic(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);

  return { outDir: dir, asOf, files, ...(validatedRecords !== undefined ? { validatedRecords } : {}) };
}

/** `export-hsds --out DIR [--as-of YYYY-MM-DD] [--validate]`: writes the export and prints what it wrote. */
export async function runExportHsdsCommand(args: string[], db: Db): Promise<HsdsExportResult> {
  const { values } = parseArgs({
    args,
    options: { out: { type: 'string' }, 'as-of': { type: 'string' }, validate: { type: 'boolean' } },
    strict: true,
  });
  if (!values.out) throw new Error('export-hsds needs --out DIR');
  const asOf = values['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error('--as-of must be a date as YYYY-MM-DD');
  const result = await exportHsds(db, values.out, { ...(asOf ? { asOf } : {}), validate: values.validate ?? false });
  console.log(`Wrote the HSDS ${HSDS_VERSION} export (dated entries from ${result.asOf}) to ${result.outDir}:`);
  for (const f of result.files) console.log(`  ${f.name.padEnd(28)} ${String(f.records).padStart(6)} records  ${(f.bytes / 1024).toFixed(0).padStart(6)} KiB`);
  console.log(`  ${'index.json'.padEnd(28)} (index of the files above)`);
  if (result.validatedRecords !== undefined) console.log(`All ${result.validatedRecords} records validate against the HSDS ${HSDS_VERSION} schemas.`);
  return result;
}
