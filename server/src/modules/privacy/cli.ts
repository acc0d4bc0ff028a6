// `npm run cli -- retention [--dry-run]`: the daily retention run by hand (e.g. from cron when the servers
// run with RETENTION_SCHEDULE=false), with the same policy, steps and audit row as the app's own run.
import { parseArgs } from 'node:util';
import type { RetentionConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { runRetention } from './retention.ts';

export const RETENTION_HELP = `  npm run cli -- retention [--dry-run]
      anonymise or delete personal data older than the RETENTION_* days (docs/retention.md); --dry-run
      only counts; prints the counts per kind as JSON; every run writes an audit row`;

export async function runRetentionCommand(args: string[], db: Db, config: RetentionConfig, write: (text: string) => void = (s) => process.stdout.write(s)): Promise<void> {
  const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean', default: false } } });
  const { scheduled: _scheduled, ...policy } = config;
  const run = await runRetention(db, policy, { now: new Date(), dryRun: values['dry-run'], trigger: 'cli' });
  write(`${JSON.stringify({ ...run, policy }, null, 2)}\n`);
}
