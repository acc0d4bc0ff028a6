// `npm run cli -- coverage …`: the API's analysis from the command line, as JSON or one table as CSV.
// Offices and services may be named by id or by their exact Swedish name, which is what a planner has
// at hand; the same checks and error codes as the API apply after that.
import { parseArgs } from 'node:util';
import { Value } from 'typebox/value';
import { CoverageQuery, EXPORT_TABLES, type ExportTable } from '../../../../contracts/coverage.ts';
import { createTravelTimes } from '../../adapters/travel/index.ts';
import type { Db } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { exportTable } from './csv.ts';
import { analyse, type Travel } from './service.ts';

export const COVERAGE_HELP = `  npm run cli -- coverage [--service ID|NAME] [--close ID|NAME]… [--add K] [--objective pmedian|maxcover]
                 [--cover-minutes T] [--candidate TATORTSKOD]… [--redesign] [--county 07]
                 [--format json|csv] [--table ${EXPORT_TABLES.join('|')}]
      coverage of a service's offices (every office without --service); --close simulates closing
      offices, --add places K new sites (--redesign: from scratch, not keeping the network); JSON by
      default, or one table as CSV (default table: counties)`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function byIdOrName(rows: Promise<{ id: string; name: string }[]>, value: string, option: string): Promise<string> {
  if (UUID.test(value)) return value;
  const found = (await rows).filter((r) => r.name === value);
  if (found.length !== 1) throw new AppError('validation_failed', `${option}: no single match for "${value}" (use the id)`, { field: option.replace(/^--/, ''), reason: 'unknown_name' });
  return found[0]!.id;
}

export async function runCoverageCommand(args: string[], db: Db, travelUrl: string | null, write: (text: string) => void = (s) => process.stdout.write(s)): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      service: { type: 'string' }, close: { type: 'string', multiple: true }, add: { type: 'string' }, objective: { type: 'string' },
      'cover-minutes': { type: 'string' }, candidate: { type: 'string', multiple: true }, redesign: { type: 'boolean' }, county: { type: 'string' },
      format: { type: 'string', default: 'json' }, table: { type: 'string', default: 'counties' },
    },
  });
  if (values.format !== 'json' && values.format !== 'csv') throw new Error('--format must be json or csv');
  if (!EXPORT_TABLES.includes(values.table as ExportTable)) throw new Error(`--table must be one of ${EXPORT_TABLES.join(', ')}`);
  const offices = db.select({ id: t.offices.id, name: t.offices.name }).from(t.offices);
  const services = db.select({ id: t.services.id, name: t.services.nameSv }).from(t.services);
  const query = {
    service: values.service === undefined ? undefined : await byIdOrName(services, values.service, '--service'),
    close: values.close ? await Promise.all(values.close.map((c) => byIdOrName(offices, c, '--close'))) : undefined,
    add: values.add === undefined ? undefined : Number(values.add),
    objective: values.objective,
    coverMinutes: values['cover-minutes'] === undefined ? undefined : Number(values['cover-minutes']),
    candidate: values.candidate,
    keepNetwork: values.redesign ? false : undefined,
    county: values.county,
  };
  const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
  // The API's schema, so the CLI refuses what the API refuses, naming the same field.
  const problem = Value.Errors(CoverageQuery, clean)[0];
  if (problem) {
    const field = problem.instancePath.split('/').filter(Boolean).map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i ? `.${p}` : p)).join('') || 'query';
    throw new AppError('validation_failed', `${field}: ${problem.message}`, { field });
  }
  const travel: Travel = { times: createTravelTimes({ url: travelUrl ?? undefined }), key: travelUrl ?? 'great-circle' };
  const analysis = await analyse(db, travel, clean as CoverageQuery);
  write(values.format === 'json' ? `${JSON.stringify(analysis, null, 2)}\n` : exportTable(analysis, values.table as ExportTable).replace(/^\uFEFF/, ''));
}
