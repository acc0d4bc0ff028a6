// The command line: `npm run cli -- <command> [options]`. Uses the same config and database as the app.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { DataDirInUseError } from '../db/data-dir-lock.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { seedIfEmpty } from '../db/seed/seed.ts';
import { createUser } from '../modules/auth/users.ts';
import { ROLE_NAMES, type RoleName } from '../modules/auth/policy.ts';
import { runExportHsdsCommand } from '../modules/hsds/export.ts';
import { COVERAGE_HELP, runCoverageCommand } from '../modules/coverage/cli.ts';
import { RETENTION_HELP, runRetentionCommand } from '../modules/privacy/cli.ts';
import { AppError } from '../lib/errors.ts';

const HELP = `Samservice CLI

  npm run cli -- seed
      migrate and seed the demo network if the database is empty
  npm run cli -- create-user --username NAME --name "Full Name" --password PW --role ROLE
                 [--agency AGENCY_UUID] [--office OFFICE_UUID] [--county 07]
      create a staff account (roles: ${ROLE_NAMES.join(', ')}); the password must be hard to guess
      (zxcvbn-ts score 3 of 4, not built on the username or name)
  npm run cli -- export-hsds --out DIR [--as-of YYYY-MM-DD] [--validate]
      write the whole registry as Open Referral HSDS 3.0 JSON files; --validate checks every
      record against the HSDS schemas first and writes nothing if one fails
${COVERAGE_HELP}
${RETENTION_HELP}

The database is DATABASE_URL when set, else the embedded PGlite in DATA_DIR (default var/db).`;

async function createUserCommand(args: string[], database: Database) {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' },
      agency: { type: 'string' }, office: { type: 'string' }, county: { type: 'string' },
    },
  });
  if (!values.username || !values.name || !values.password || !values.role) throw new Error('create-user needs --username, --name, --password and --role');
  if (!ROLE_NAMES.includes(values.role as RoleName)) throw new Error(`--role must be one of ${ROLE_NAMES.join(', ')}`);
  if (values.password.length < 10) throw new Error('--password must be at least 10 characters');
  const user = await createUser(database.db, {
    username: values.username,
    displayName: values.name,
    password: values.password,
    roles: [{ role: values.role as RoleName, agencyId: values.agency ?? null, officeId: values.office ?? null, countyCode: values.county ?? null }],
  });
  console.log(`Created user ${user.username} (${user.id}) with role ${values.role}`);
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return;
  }
  let database;
  try {
    database = await openDatabase(loadConfig());
  } catch (err) {
    // E.g. the embedded database is open in the running server: one process owns it.
    if (!(err instanceof DataDirInUseError)) throw err;
    console.error(`${err.message}. Stop the server first.`);
    process.exitCode = 2;
    return;
  }
  try {
    switch (command) {
      case 'seed':
        console.log((await seedIfEmpty(database.db)) ? 'Seeded the demo network.' : 'The database already has data; nothing seeded.');
        break;
      case 'create-user':
        await createUserCommand(args, database);
        break;
      case 'export-hsds':
        await runExportHsdsCommand(args, database.db);
        break;
      case 'coverage':
        await runCoverageCommand(args, database.db, loadConfig().travel.url);
        break;
      case 'retention':
        await runRetentionCommand(args, database.db, loadConfig().retention);
        break;
      default:
        console.error(`Unknown command "${command}".\n\n${HELP}`);
        process.exitCode = 2;
    }
  } catch (err) {
    console.error(err instanceof AppError ? `${err.code}: ${err.message}${err.field ? ` (${err.field})` : ''}` : (err as Error).message);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

void main();
