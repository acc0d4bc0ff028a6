// Property-based fuzzing of every operation in the OpenAPI document: a valid-looking request is built
// from each route's own schemas, then one field at a time (or the request as a whole) is replaced by
// something hostile. No answer may be a 5xx, and every error must carry a code from docs/errors.md,
// a request id, and for validation errors the field. Seeded and bounded, so a failure reproduces.
import { beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendFileSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { describeWithApp } from '../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { DEMO_MOTESPLATS_DATE } from '../db/seed/demo-motesplats.ts';

type Schema = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  pathParams: Array<{ name: string; schema: Schema }>;
  queryParams: Array<{ name: string; schema: Schema; required: boolean }>;
  body?: Schema;
}
interface OpenApi {
  paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string; schema: Schema; required?: boolean }>; requestBody?: { content?: Record<string, { schema: Schema }> } }>>;
}

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const CATALOGUE = new Set(
  [...readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8').matchAll(/^\| `([a-z_]+)` \| \d{3} \|/gm)].map((m) => m[1]!),
);

/** Values that broke some route once, or could: control characters, huge numbers, impossible dates. */
const NASTY: unknown[] = [
  '\u0000', 'a\u0000b', '\u001b[31m', '\u007f', '\ud800', 'x'.repeat(100_000), '', ' ', '🙂'.repeat(50),
  '1e309', '-1e309', '99999999999999999999', 'NaN', 'Infinity', '-0', '0x10', '1.5',
  '2026-02-30', '2026-13-01', '0000-01-01', '0001-01-01', '9999-12-31', '2026-02-30T10:00:00Z', '9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z',
  '../../etc/passwd', "' or 1=1 --", '<script>alert(1)</script>', 'javascript:alert(1)', '%00', '\\',
  1e20, -1e20, 2_147_483_648, -2_147_483_649, 1e300, -1, 0, 1.5, Number.MAX_SAFE_INTEGER,
  null, true, false, {}, [], [[[[[[[[[[]]]]]]]]]], { __proto__: { admin: true } }, ['\u0000'],
];

function nasty(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.double({ noNaN: true, noDefaultInfinity: true })) },
  );
}

function operations(doc: OpenApi): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      // Live streams never end; their parameters are the same as the routes beside them.
      if (method === 'get' && path.endsWith('/events')) continue;
      const params = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

/**
 * Real records of the seeded demo network, by the name a parameter or body field has, so that a
 * request reaches past "not found" into the route's code.
 */
interface Fixture {
  office: string;
  /** Path prefix (`/agencies/`, `/tickets/` …) → the record its `{id}` names. */
  idByPath: Array<[string, string]>;
  byName: Record<string, unknown>;
}

const BY_NAME_TEXT: Record<string, unknown> = {
  phone: '070-123 45 67',
  email: 'fuzz@example.se',
  identityNumber: '19811218-9876',
  personnummer: '19811218-9876',
  opens: '08:00',
  closes: '17:00',
  date: '2026-12-02',
  language: 'sv',
};

/** A plausible valid value for a schema, so that the one hostile field is what the route meets. */
function example(schema: Schema, ids: Fixture, name = '', path = ''): unknown {
  const known = name === 'id' ? ids.idByPath.find(([prefix]) => path.includes(prefix))?.[1] ?? ids.office : ids.byName[name] ?? BY_NAME_TEXT[name];
  if (known !== undefined && schema.type !== 'array') return known;
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (branches) return example(branches.find((b) => b.type !== 'null') ?? branches[0]!, ids, name, path);
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return '2026-12-02';
      if (schema.format === 'date-time') return '2026-12-02T09:00:00.000Z';
      if (schema.format === 'email') return 'fuzz@example.se';
      if (schema.format === 'uri') return 'https://example.se';
      if (typeof schema.pattern === 'string') {
        const [min, max] = [Number(schema.minLength ?? 0), Number(schema.maxLength ?? 30)];
        const pattern = new RegExp(schema.pattern);
        const fits = (s: string) => s.length >= min && s.length <= max && pattern.test(s);
        const sample = fc.sample(fc.stringMatching(pattern, { size: 'small' }), { seed: SEED, numRuns: 300 }).find(fits);
        return sample ?? ['a', '0', 'A'].map((c) => c.repeat(Math.max(min, 1))).find(fits) ?? '';
      }
      return 'Fuzz'.padEnd(Number(schema.minLength ?? 0), 'z').slice(0, Number(schema.maxLength ?? 100));
    }
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : 1;
      const max = typeof schema.maximum === 'number' ? schema.maximum : min + 10;
      return Math.min(Math.max(min, 1), max);
    }
    case 'boolean':
      return true;
    case 'array': {
      const n = Math.max(Number(schema.minItems ?? 0), 1);
      const item = ids.byName[name.replace(/s$/, '')] ?? ids.byName[name];
      if (item !== undefined) return [item];
      return Array.from({ length: Math.min(n, 3) }, () => example(schema.items as Schema, ids));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) out[key] = example(sub, ids, key);
      return out;
    }
    default:
      return null;
  }
}

/** Every leaf path of a value, for picking the one field to break. */
function leafPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.length === 0 ? [prefix] : value.flatMap((v, i) => leafPaths(v, [...prefix, i]));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? [prefix] : entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  }
  return [prefix];
}

function setAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), replacement);
  return copy;
}

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? 'undefined');

/** Percent-encodes UTF-8 bytes; lone surrogates become U+FFFD as any client's encoder would make them. */
const encodePath = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join('');

/** The app's log lines, so that a 500 in a failure message comes with its logged error. */
const logLines: string[] = [];
const logStream = { write: (line: string) => void logLines.push(line) };

function checkAnswer(res: LightMyRequestResponse, label: string): void {
  const logged = () => {
    const id = /"requestId":"([^"]+)"/.exec(res.body)?.[1] ?? '-';
    return logLines.filter((l) => l.includes(id) && l.includes('"level":50')).join('\n');
  };
  expect(res.statusCode, `${label} → ${res.statusCode} ${res.body.slice(0, 300)}\n${res.statusCode >= 500 ? logged() : ''}`).toBeLessThan(500);
  if (res.statusCode < 400) return;
  let body: { code?: string; requestId?: string; field?: string; message?: string };
  try {
    body = res.json();
  } catch {
    throw new Error(`${label} → ${res.statusCode} is not JSON: ${res.body.slice(0, 200)}`);
  }
  expect(CATALOGUE.has(body.code ?? ''), `${label} → code ${body.code} is not in docs/errors.md`).toBe(true);
  expect(body.requestId, `${label} → no requestId`).toBeTruthy();
  expect(body.message, `${label} → no message`).toBeTruthy();
  if (body.code === 'validation_failed') expect(body.field, `${label} → validation_failed names no field: ${body.message}`).toBeTruthy();
}

describeWithApp('API fuzz', (ctx) => {
  let ops: Operation[] = [];
  let admin = '';
  let fixture: Fixture = { office: '', idByPath: [], byName: {} };

  const request = async (...args: Parameters<typeof send>) => {
    const started = performance.now();
    const res = await send(...args);
    if (process.env.FUZZ_TRACE) appendFileSync(process.env.FUZZ_TRACE, `${Math.round(performance.now() - started)} ms ${args[0].method} ${args[0].path} ${res.statusCode}\n`);
    return res;
  };
  const send = async (op: Operation, opts: { path?: Record<string, string>; query?: Record<string, unknown>; body?: unknown; raw?: { payload: string; type: string }; anonymous?: boolean }) => {
    let url = op.path;
    for (const p of op.pathParams) {
      // Deleting the demo records would leave the rest of the run without them.
      const value = opts.path?.[p.name] ?? asText(op.method === 'DELETE' ? randomUUID() : example(p.schema, fixture, p.name, op.path));
      url = url.replace(`{${p.name}}`, encodePath(value));
    }
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.query ?? {})) for (const item of Array.isArray(v) ? v : [v]) search.append(k, asText(item));
    const qs = search.toString();
    const headers: Record<string, string> = {};
    // Logging out would end the fuzzer's own session.
    if (!opts.anonymous && !op.path.endsWith('/logout')) headers.cookie = admin;
    if (opts.raw) headers['content-type'] = opts.raw.type;
    return ctx.app.inject({
      method: op.method as 'GET',
      url: qs ? `${url}?${qs}` : url,
      headers,
      ...(opts.raw ? { payload: opts.raw.payload } : opts.body !== undefined ? { payload: opts.body as object } : {}),
    });
  };

  const validQuery = (op: Operation) => Object.fromEntries(op.queryParams.filter((q) => q.required || fixture.byName[q.name] !== undefined).map((q) => [q.name, example(q.schema, fixture, q.name, op.path)]));

  beforeAll(async () => {
    await ctx.app.ready();
    ops = operations((ctx.app as unknown as { swagger(): OpenApi }).swagger());
    admin = await ctx.login('admin');
    fixture = await demoFixture();
  });

  /** Ids of seeded records, and a ticket taken now, looked up once. */
  async function demoFixture(): Promise<Fixture> {
    const get = async <T,>(url: string) => (await ctx.app.inject({ method: 'GET', url, headers: { cookie: admin } })).json<T>();
    const row = async (query: string) => (await queryRows<Record<string, string>>(ctx.db, sql.raw(query)))[0] ?? {};
    const offices = await get<Array<{ id: string; name: string }>>('/api/v1/offices');
    const office = offices.find((o) => o.name.includes('Växjö'))!.id;
    const detail = await get<{ serviceIds: string[] }>(`/api/v1/offices/${office}`);
    const service = detail.serviceIds[0]!;
    const agency = (await row(`select agency_id from services where id = '${service}'`)).agency_id!;
    const queue = (await row(`select id from office_queues where office_id = '${office}' limit 1`)).id!;
    const user = (await row(`select id from users where username = 'handlaggare.vaxjo'`)).id!;
    const household = (await row(`select id from mp_households where office_id = '${office}' limit 1`)).id;
    const template = (await row(`select id from mp_templates limit 1`)).id;
    const team = (await row(`select id from mobile_teams limit 1`)).id;
    const visit = (await row(`select id from mobile_visits limit 1`)).id;
    const booking = (await row(`select code from appointments where office_id = '${office}' limit 1`)).code;
    const ticketRes = await ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${office}/tickets`, payload: { serviceIds: [service] } });
    const ticket = ticketRes.statusCode < 300 ? ticketRes.json<{ id: string }>().id : randomUUID();
    return {
      office,
      idByPath: [['/users/', user], ['/agencies/', agency], ['/hsds/organizations/', agency], ['/services/', service], ['/hsds/services/', service], ['/tickets/', ticket]],
      byName: {
        serviceId: service, agencyId: agency, queueId: queue, officeId: office, userId: user, householdId: household, templateId: template,
        teamId: team, visitId: visit, code: booking, date: DEMO_MOTESPLATS_DATE,
      },
    };
  }

  it('finds every operation in the OpenAPI document', () => {
    expect(ops.length).toBeGreaterThan(100);
  });

  it('builds requests that the routes accept, so that the broken field is what they meet', async () => {
    const statuses: string[] = [];
    for (const op of ops) {
      const body = op.body ? example(op.body, fixture) : undefined;
      const res = await request(op, { query: validQuery(op), body });
      const code = res.statusCode >= 400 ? (res.json<{ code: string; field?: string }>()) : null;
      statuses.push(`${res.statusCode} ${op.method} ${op.path}${code ? ` ${code.code} ${code.field ?? ''}` : ''}`);
    }
    if (process.env.FUZZ_TRACE) appendFileSync(process.env.FUZZ_TRACE, `${statuses.join('\n')}\n`);
    const schemaRefusals = statuses.filter((s) => s.includes('validation_failed'));
    expect(schemaRefusals.length / ops.length).toBeLessThan(0.25);
  });

  it('answers one broken field at a time with a catalogued 4xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: ops.length - 1 }), fc.nat(), nasty(), fc.boolean(), async (opIndex, pick, value, anonymous) => {
        const op = ops[opIndex]!;
        const body = op.body ? example(op.body, fixture) : undefined;
        const targets: Array<{ where: 'path' | 'query' | 'body'; name: string; path: Array<string | number> }> = [
          ...op.pathParams.map((p) => ({ where: 'path' as const, name: p.name, path: [] })),
          ...op.queryParams.map((q) => ({ where: 'query' as const, name: q.name, path: [] })),
          ...(body !== undefined ? leafPaths(body).map((path) => ({ where: 'body' as const, name: path.join('.'), path })) : []),
        ];
        if (targets.length === 0) return;
        const target = targets[pick % targets.length]!;
        const label = `${op.method} ${op.path} ${target.where}:${target.name}=${asText(value).slice(0, 60)}${anonymous ? ' (anonymous)' : ''}`;
        const query = validQuery(op);
        const res = await request(op, {
          anonymous,
          path: target.where === 'path' ? { [target.name]: asText(value) } : undefined,
          query: target.where === 'query' ? { ...query, [target.name]: value } : query,
          body: target.where === 'body' ? setAt(body, target.path, value) : body,
        });
        checkAnswer(res, label);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);

  it('answers hostile requests as a whole (content type, size, depth, URL) with a catalogued 4xx', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    for (const op of ops) {
      const label = `${op.method} ${op.path}`;
      const query = validQuery(op);
      if (op.body) {
        checkAnswer(await request(op, { query, raw: { payload: 'serviceIds=1', type: 'text/plain' } }), `${label} text/plain`);
        checkAnswer(await request(op, { query, raw: { payload: '{"broken":', type: 'application/json' } }), `${label} broken JSON`);
        checkAnswer(await request(op, { query, raw: { payload: deep, type: 'application/json' } }), `${label} deep JSON`);
        checkAnswer(await request(op, { query, raw: { payload: JSON.stringify({ a: 'x'.repeat(2 * 1024 * 1024) }), type: 'application/json' } }), `${label} 2 MB body`);
      }
      for (const p of op.pathParams) {
        checkAnswer(await request(op, { query, path: { [p.name]: 'x'.repeat(500) } }), `${label} long ${p.name}`);
      }
      checkAnswer(await request(op, { query: { ...query, extra: '\u0000' } }), `${label} NUL in an unknown query parameter`);
    }
    const malformed = await ctx.app.inject({ method: 'GET', url: '/api/v1/offices/%E0%A4%A' });
    checkAnswer(malformed, 'malformed percent-encoding');
  }, 600_000);
}, { log: logStream });
