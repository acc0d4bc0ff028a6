// Household cases through the API: templates with validation, registration with identity numbers,
// consent given, shown and withdrawn and what each agency then sees, step statuses, and secrecy of
// notes between agencies, with every read of a person's data in the audit log.
import { describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { auditLog } from '../../db/schema.ts';
import type { Consent, Household, Note, Step, Template } from '../../../../contracts/motesplats.ts';
import { agencyId, client, samordningsnummer, VAXJO } from './test-helpers.ts';

const DATE = '2026-12-09';
const ADULT_ID = samordningsnummer('1990-05-17', '123');
const FK_NOTE = 'FK: har rätt till etableringsersättning från 1 januari';
const SKV_NOTE = 'SKV: pass kontrollerat, folkbokförd på Storgatan';

describeWithApp('Mötesplats cases', (ctx) => {
  const { as } = client(ctx);
  let household: Household;
  const base = `/motesplats/offices/${VAXJO}`;
  const hPath = () => `${base}/households/${household.id}`;
  const taskOf = (key: string, memberIndex?: number) =>
    memberIndex === undefined ? `${household.id}:${key}` : `${household.id}:${key}:${household.members[memberIndex]!.id}`;
  const setStatus = (user: Parameters<typeof as>[0], taskId: string, body: object) => as(user, 'PUT', `${hPath()}/steps/${encodeURIComponent(taskId)}`, body);

  describe('templates', () => {
    let seeded: Template;
    it('lists the seeded default template to the coordinator and to agency officers, not to planners', async () => {
      const res = await as('samordnare.vaxjo', 'GET', `${base}/templates`);
      expect(res.statusCode, res.body).toBe(200);
      seeded = (res.json() as Template[])[0]!;
      expect(seeded.steps.map((s) => s.key)).toContain('mv-beslut');
      expect((await as('fk.vaxjo', 'GET', `${base}/templates`)).statusCode).toBe(200);
      expect((await as('planerare', 'GET', `${base}/templates`)).statusCode).toBe(403);
      expect((await as(null, 'GET', `${base}/templates`)).statusCode).toBe(401);
    });

    it('refuses a template with an unknown step or a cycle, naming the field', async () => {
      const steps = seeded.steps.map((s) => ({ ...s, after: [...s.after] }));
      steps[2]!.after = ['no-such-step'];
      const unknown = await as('samordnare.vaxjo', 'POST', `${base}/templates`, { name: 'Trasig', steps });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ code: 'validation_failed', field: 'steps[2].after[0]', details: { reason: 'unknown_step' } });

      const cyclic = seeded.steps.map((s) => ({ ...s, after: s.key === 'mv-beslut' ? ['fk-ersattning'] : [...s.after] }));
      const cycle = await as('samordnare.vaxjo', 'POST', `${base}/templates`, { name: 'Cirkel', steps: cyclic });
      expect(cycle.statusCode).toBe(400);
      expect(cycle.json()).toMatchObject({ code: 'validation_failed', details: { reason: 'cycle' } });
      expect((cycle.json() as { field: string }).field).toMatch(/^steps\[\d+\]\.after$/);

      const schema = await as('samordnare.vaxjo', 'POST', `${base}/templates`, { name: 'X', steps: [{ ...seeded.steps[0], durationMin: 0 }] });
      expect(schema.json()).toMatchObject({ code: 'validation_failed', field: 'steps[0].durationMin' });
    });

    it('lets the coordinator create and change a template, not an agency officer', async () => {
      const created = await as('samordnare.vaxjo', 'POST', `${base}/templates`, { name: 'Kort dag', steps: seeded.steps.slice(0, 2) });
      expect(created.statusCode, created.body).toBe(201);
      const t = created.json() as Template;
      const changed = await as('samordnare.vaxjo', 'PUT', `${base}/templates/${t.id}`, { name: 'Kort dag 2', steps: seeded.steps.slice(0, 2) });
      expect(changed.json()).toMatchObject({ name: 'Kort dag 2', version: 2 });
      expect((await as('fk.vaxjo', 'PUT', `${base}/templates/${t.id}`, { name: 'x', steps: seeded.steps })).statusCode).toBe(403);
      const dup = await as('samordnare.vaxjo', 'POST', `${base}/templates`, { name: 'Kort dag 2', steps: seeded.steps.slice(0, 2) });
      expect(dup.json()).toMatchObject({ code: 'already_exists', field: 'name' });
    });
  });

  describe('households', () => {
    const input = {
      language: 'ar', arrival: '09:00', dossierNumber: '21-418733', assignedKommunkod: '0780',
      housing: { assigned: true, address: 'Storgatan 1, 352 31 Växjö' },
      members: [
        { givenName: 'Rania', birthYear: 1990, needsInterpreter: true, identityNumber: ADULT_ID },
        { givenName: 'Sami', birthYear: 2016, needsInterpreter: false },
      ],
    };

    it('validates identity numbers, municipality and housing with field-named reasons', async () => {
      const post = (body: object) => as('samordnare.vaxjo', 'POST', `${base}/days/${DATE}/households`, body);
      const bad = await post({ ...input, members: [{ ...input.members[0], identityNumber: ADULT_ID.slice(0, 11) + ((Number(ADULT_ID[11]) + 1) % 10) }] });
      expect(bad.json()).toMatchObject({ code: 'validation_failed', field: 'members[0].identityNumber', details: { reason: 'invalid_personnummer', problem: 'checksum' } });
      const mismatch = await post({ ...input, members: [{ ...input.members[0], birthYear: 1991 }] });
      expect(mismatch.json()).toMatchObject({ field: 'members[0].identityNumber', details: { reason: 'birth_year_mismatch' } });
      expect((await post({ ...input, assignedKommunkod: '0001' })).json()).toMatchObject({ field: 'assignedKommunkod', details: { reason: 'unknown_municipality' } });
      expect((await post({ ...input, housing: { assigned: false, address: 'x' } })).json()).toMatchObject({ field: 'housing.address', details: { reason: 'address_without_housing' } });
      expect((await post({ ...input, dossierNumber: 'abc' })).json()).toMatchObject({ code: 'validation_failed', field: 'dossierNumber' });
      expect((await as('fk.vaxjo', 'POST', `${base}/days/${DATE}/households`, input)).statusCode).toBe(403);
    });

    it('registers a household and shows the coordinator the case with the number masked', async () => {
      const res = await as('samordnare.vaxjo', 'POST', `${base}/days/${DATE}/households`, input);
      expect(res.statusCode, res.body).toBe(201);
      household = res.json() as Household;
      expect(household).toMatchObject({ reference: 'H01', view: 'case', arrival: '09:00', dossierNumber: '21-418733', municipalityName: 'Växjö' });
      expect(household.members[0]).toMatchObject({ identityNumber: `${ADULT_ID.slice(0, 8)}-XXXX`, identityKind: 'samordningsnummer', birthYear: 1990 });
      expect(household.itineraryToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(res.body).not.toContain(ADULT_ID);
    });
  });

  describe('consent', () => {
    const view = async (user: 'fk.vaxjo' | 'skv.vaxjo' | 'mv.vaxjo', detail = true) => {
      const res = await as(user, 'GET', detail ? hPath() : `${base}/days/${DATE}/households`);
      expect(res.statusCode, res.body).toBe(200);
      return detail ? (res.json() as Household) : (res.json() as Household[]).find((h) => h.id === household.id)!;
    };
    const consent = (body: object) => as('samordnare.vaxjo', 'POST', `${hPath()}/consent`, body);

    it('shows an agency without consent only what serving needs', async () => {
      const fk = await view('fk.vaxjo');
      expect(fk).toMatchObject({ view: 'minimal', reference: 'H01', language: 'ar', dossierNumber: null, housing: null, assignedKommunkod: null, sharedFields: [] });
      expect(fk.members[0]).toMatchObject({ givenName: 'Rania', needsInterpreter: true, birthYear: null, identityNumber: null });
      expect(fk.itineraryToken).toBeUndefined();
      // Migrationsverket issued the dossier number and always sees it.
      expect((await view('mv.vaxjo')).dossierNumber).toBe('21-418733');
    });

    it('gives Försäkringskassan birth years and identity numbers: whole in its own read of the household, masked in lists', async () => {
      const res = await consent({ agencyId: agencyId('FK'), action: 'give', fields: ['birthYears', 'identityNumbers'] });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as Consent).current).toEqual([expect.objectContaining({ agencyCode: 'FK', action: 'given', fields: ['birthYears', 'identityNumbers'], recordedBy: 'Demo Samordnare Mötesplats Växjö' })]);
      const fk = await view('fk.vaxjo');
      expect(fk).toMatchObject({ view: 'shared', housing: null, dossierNumber: null });
      expect(fk.members[0]).toMatchObject({ birthYear: 1990, identityNumber: ADULT_ID });
      expect((await view('fk.vaxjo', false)).members[0]!.identityNumber).toBe(`${ADULT_ID.slice(0, 8)}-XXXX`);
      // The consent is Försäkringskassan's alone.
      expect((await view('skv.vaxjo')).members[0]).toMatchObject({ birthYear: null, identityNumber: null });
    });

    it('refuses consent for an agency without a station, a give without fields, a withdraw without consent', async () => {
      expect((await consent({ agencyId: agencyId('TRV'), action: 'give', fields: ['housing'] })).json()).toMatchObject({ field: 'agencyId', details: { reason: 'not_a_motesplats_agency' } });
      expect((await consent({ agencyId: agencyId('SKV'), action: 'give' })).json()).toMatchObject({ field: 'fields', details: { reason: 'fields_required' } });
      expect((await consent({ agencyId: agencyId('SKV'), action: 'withdraw' })).json()).toMatchObject({ field: 'agencyId', details: { reason: 'no_consent' } });
      expect((await as('fk.vaxjo', 'POST', `${hPath()}/consent`, { agencyId: agencyId('FK'), action: 'give', fields: ['housing'] })).statusCode).toBe(403);
    });

    it('withdraws explicitly, keeps the history, and the agency is back to the minimal view', async () => {
      const res = await consent({ agencyId: agencyId('FK'), action: 'withdraw' });
      expect(res.statusCode, res.body).toBe(200);
      const shown = res.json() as Consent;
      expect(shown.current).toEqual([]);
      expect(shown.history.map((h) => h.action)).toEqual(['given', 'withdrawn']);
      expect(await view('fk.vaxjo')).toMatchObject({ view: 'minimal' });
      expect((await as('fk.vaxjo', 'GET', `${hPath()}/consent`)).json()).toMatchObject({ history: [{ action: 'given' }, { action: 'withdrawn' }] });
    });

    it('keeps consent append-only in the database', async () => {
      await expect(ctx.db.execute(sql`update mp_consents set fields = '{housing}'`)).rejects.toThrow();
      await expect(ctx.db.execute(sql`delete from mp_consents`)).rejects.toThrow();
    });
  });

  describe('step statuses', () => {
    it('lets only the step’s agency move it, in order, with reasons where needed', async () => {
      const mv = taskOf('mv-beslut');
      expect((await setStatus('skv.vaxjo', mv, { status: 'in_progress' })).json()).toMatchObject({ code: 'forbidden', details: { reason: 'not_your_step' } });
      expect((await setStatus('samordnare.vaxjo', mv, { status: 'in_progress' })).statusCode).toBe(403);
      expect((await setStatus('skv.vaxjo', taskOf('skv-folkbokforing', 0), { status: 'in_progress' })).json()).toMatchObject({ code: 'conflict', details: { reason: 'predecessor_open' } });
      const started = await setStatus('mv.vaxjo', mv, { status: 'in_progress' });
      expect(started.json()).toMatchObject({ status: 'in_progress', startedAt: ctx.now.toISOString(), finishedAt: null });
      expect((await setStatus('mv.vaxjo', mv, { status: 'done' })).json()).toMatchObject({ status: 'done', finishedAt: ctx.now.toISOString() });
      expect((await setStatus('mv.vaxjo', mv, { status: 'in_progress' })).json()).toMatchObject({ code: 'conflict', details: { reason: 'invalid_transition', from: 'done' } });
      expect((await setStatus('mv.vaxjo', `${household.id}:nope`, { status: 'done' })).statusCode).toBe(404);
      const af = taskOf('af-inskrivning', 0);
      expect((await setStatus('af.vaxjo', af, { status: 'not_applicable' })).json()).toMatchObject({ field: 'reason', details: { reason: 'reason_required' } });
      expect((await setStatus('af.vaxjo', af, { status: 'not_applicable', reason: 'Redan inskriven hos AF i Malmö' })).json()).toMatchObject({ status: 'not_applicable' });
    });

    it('shows a reason to the step’s agency and the coordinator only', async () => {
      const reasonSeenBy = async (user: 'af.vaxjo' | 'samordnare.vaxjo' | 'fk.vaxjo') =>
        ((await as(user, 'GET', `${hPath()}/steps`)).json() as Step[]).find((s) => s.stepKey === 'af-inskrivning')!.reason;
      expect(await reasonSeenBy('af.vaxjo')).toBe('Redan inskriven hos AF i Malmö');
      expect(await reasonSeenBy('samordnare.vaxjo')).toBe('Redan inskriven hos AF i Malmö');
      expect(await reasonSeenBy('fk.vaxjo')).toBeNull();
    });
  });

  describe('secrecy between agencies', () => {
    it('keeps each agency’s notes to itself', async () => {
      const write = (user: 'fk.vaxjo' | 'skv.vaxjo', taskId: string, text: string) => as(user, 'POST', `${hPath()}/notes`, { taskId, text });
      expect((await write('fk.vaxjo', taskOf('fk-ersattning'), FK_NOTE)).statusCode).toBe(201);
      expect((await write('skv.vaxjo', taskOf('skv-folkbokforing', 0), SKV_NOTE)).statusCode).toBe(201);
      // An officer writes only on their own agency's steps, so a note cannot be filed under another agency.
      expect((await write('skv.vaxjo', taskOf('fk-ersattning'), 'x')).json()).toMatchObject({ code: 'forbidden', details: { reason: 'not_your_step' } });

      const notes = async (user: Parameters<typeof as>[0]) => ((await as(user, 'GET', `${hPath()}/notes`)).json() as Note[]).map((n) => n.text);
      expect(await notes('fk.vaxjo')).toEqual([FK_NOTE]);
      expect(await notes('skv.vaxjo')).toEqual([SKV_NOTE]);
      for (const user of ['samordnare.vaxjo', 'admin', 'chef.vaxjo', 'mv.vaxjo'] as const) expect(await notes(user), user).toEqual([]);
      expect((await as('planerare', 'GET', `${hPath()}/notes`)).statusCode).toBe(403);
    });

    it('never shows Försäkringskassan’s note to Skatteverket or the coordinator through any read', async () => {
      const reads = [hPath(), `${hPath()}/notes`, `${hPath()}/steps`, `${hPath()}/consent`, `${base}/days/${DATE}/households`, `${base}/days/${DATE}/resources`];
      for (const path of reads) {
        for (const user of ['skv.vaxjo', 'samordnare.vaxjo'] as const) {
          const res = await as(user, 'GET', path);
          expect(res.statusCode, `${user} ${path}`).toBeLessThan(500);
          expect(res.body, `${user} ${path}`).not.toContain(FK_NOTE);
        }
      }
    });
  });

  describe('audit', () => {
    it('logs every read of a person’s data, and refusals', async () => {
      const rows = async (resourceType: string, resourceId = household.id) => ctx.db.select().from(auditLog)
        .where(and(eq(auditLog.resourceType, resourceType), eq(auditLog.resourceId, resourceId), eq(auditLog.outcome, 'ok')));
      const before = (await rows('motesplats_notes')).filter((r) => r.action === 'motesplats.notes.read').length;
      await as('skv.vaxjo', 'GET', `${hPath()}/notes`);
      expect((await rows('motesplats_notes')).filter((r) => r.action === 'motesplats.notes.read')).toHaveLength(before + 1);
      for (const [path, type] of [[hPath(), 'motesplats_household'], [`${hPath()}/steps`, 'motesplats_steps'], [`${hPath()}/consent`, 'motesplats_consent']] as const) {
        const n = (await rows(type)).length;
        await as('fk.vaxjo', 'GET', path);
        expect((await rows(type)).length, type).toBe(n + 1);
      }
      const list = await ctx.db.select().from(auditLog).where(and(eq(auditLog.resourceType, 'motesplats_households'), like(auditLog.resourceId, `${VAXJO}/${DATE}`)));
      expect(list.length).toBeGreaterThan(0);
      const denied = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'motesplats.notes.read'), eq(auditLog.outcome, 'denied')));
      expect(denied.length).toBeGreaterThan(0);
    });
  });
});
