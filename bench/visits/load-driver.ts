// The load-generating process of the visits HTTP bench: it talks to a running server over loopback
// only, drives a day of tickets and officers through the API, and prints its measurements as JSON.
// Bounded: a fixed number of requests, no retries loops without end.
import { performance } from 'node:perf_hooks';

const base = process.argv[2]!;
const OFFICES = 10;
const OFFICERS_PER_OFFICE = 10;
/** The day is 10,000 tickets; BENCH_TICKETS scales it down while take-ticket cost grows with the queue. */
const TICKETS = Number(process.env.BENCH_TICKETS ?? 10_000);
const CONCURRENCY = 50;
const TRIVIAL = 3_000;

interface Measured { count: number; seconds: number; latencies: number[]; errors: number }

async function request(path: string, init: RequestInit & { cookie?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.cookie ? { cookie: init.cookie } : {}) };
  return fetch(`${base}/api/v1${path}`, { ...init, headers });
}

/** Runs `jobs` with `concurrency` workers, timing each request. */
async function measure(jobs: number, concurrency: number, job: (i: number) => Promise<Response>): Promise<Measured> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < jobs) {
      const i = next++;
      const t0 = performance.now();
      const res = await job(i);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status >= 400) errors++;
    }
  }));
  return { count: jobs, seconds: (performance.now() - started) / 1000, latencies, errors };
}

async function login(username: string, password: string): Promise<string> {
  const res = await request('/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function main() {
  const admin = await login('admin', 'demo-password');
  const summaries = (await (await request('/offices?tier=servicekontor')).json()) as Array<{ id: string }>;
  const offices = await Promise.all(summaries.slice(0, OFFICES).map(async (s) => (await (await request(`/offices/${s.id}`)).json()) as { id: string; serviceIds: string[] }));
  const services = (await (await request('/services')).json()) as Array<{ id: string; channels: string[] }>;
  const inPerson = new Set(services.filter((s) => s.channels.includes('in_person')).map((s) => s.id));

  // 100 officers, 10 per office, created and logged in through the API.
  const officers: Array<{ officeId: string; cookie: string; counter: string }> = [];
  for (const [o, office] of offices.entries()) {
    for (let k = 0; k < OFFICERS_PER_OFFICE; k++) {
      const username = `bench.${o}.${k}`;
      await request('/users', { method: 'POST', cookie: admin, body: JSON.stringify({ username, displayName: `Bench ${o}.${k}`, password: 'bench-password', roles: [{ role: 'service_officer', agencyId: null, officeId: office.id, countyCode: null }] }) });
      officers.push({ officeId: office.id, cookie: await login(username, 'bench-password'), counter: `Lucka ${k + 1}` });
    }
  }

  const trivial = await measure(TRIVIAL, CONCURRENCY, () => request('/ping'));

  const take = await measure(TICKETS, CONCURRENCY, (i) => {
    const office = offices[i % offices.length]!;
    const offered = office.serviceIds.filter((id) => inPerson.has(id));
    return request(`/offices/${office.id}/tickets`, { method: 'POST', body: JSON.stringify({ serviceIds: [offered[(i * 7) % offered.length]] }) });
  });

  // Every officer calls, finishes and calls again until their office's queues are empty.
  const queuesByOffice = new Map<string, string[]>();
  for (const office of offices) {
    const queues = (await (await request(`/offices/${office.id}/queues`)).json()) as Array<{ id: string }>;
    queuesByOffice.set(office.id, queues.map((q) => q.id));
  }
  const callLatencies: number[] = [];
  let calls = 0;
  let callErrors = 0;
  const started = performance.now();
  await Promise.all(officers.map(async (officer) => {
    for (let guard = 0; guard < TICKETS; guard++) {
      const t0 = performance.now();
      const res = await request(`/offices/${officer.officeId}/desk/call-next`, { method: 'POST', cookie: officer.cookie, body: JSON.stringify({ counterName: officer.counter, queueIds: queuesByOffice.get(officer.officeId) }) });
      const body = res.status === 200 ? ((await res.json()) as { id: string }) : (await res.arrayBuffer(), null);
      callLatencies.push(performance.now() - t0);
      calls++;
      if (res.status >= 400) callErrors++;
      if (!body) break;
      await (await request(`/tickets/${body.id}/finish`, { method: 'POST', cookie: officer.cookie, body: JSON.stringify({ outcome: 'resolved', performed: [] }) })).arrayBuffer();
    }
  }));
  const callNext: Measured = { count: calls, seconds: (performance.now() - started) / 1000, latencies: callLatencies, errors: callErrors };
  process.stdout.write(`${JSON.stringify({ trivial, take, callNext })}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
