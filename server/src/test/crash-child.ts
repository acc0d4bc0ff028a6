// Child process for the crash test: takes tickets in a loop on a PGlite data directory and prints each
// number once its transaction has committed, until the parent kills it with SIGKILL.
import { openPglite } from '../db/client.ts';
import { takeTicket } from '../modules/visits/service.ts';

const [dataDir, officeId, serviceId, nowIso] = process.argv.slice(2) as [string, string, string, string];
const database = await openPglite(dataDir);
process.stdout.write('ready\n');
for (;;) {
  const ticket = await takeTicket(database.db, officeId, { serviceIds: [serviceId] }, new Date(nowIso));
  process.stdout.write(`${ticket.number}\n`);
}
