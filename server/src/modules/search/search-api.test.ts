// The forgiving search over the seeded registry and geography: no diacritics, typos, OCR damage.
import { expect, it } from 'vitest';
import { describeWithApp } from '../../test/harness.ts';
import type { SearchHit } from '../../../../contracts/registry.ts';

describeWithApp('search API', (ctx) => {
  const search = async (q: string, kinds?: string) => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}${kinds ? `&kinds=${kinds}` : ''}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SearchHit[];
  };

  it.each([
    ['forsakringskassan', 'agency', 'Försäkringskassan'],
    ['Forsikringskassan', 'agency', 'Försäkringskassan'],
    ['F6rsäkringskassan', 'agency', 'Försäkringskassan'],
    ['Försékringskassan', 'agency', 'Försäkringskassan'],
    ['skatteverket', 'agency', 'Skatteverket'],
    ['pensionsmyndigeten', 'agency', 'Pensionsmyndigheten'],
  ])('finds %s as the %s %s', async (q, kind, label) => {
    const hits = await search(q, kind);
    expect(hits[0]?.label).toBe(label);
  });

  it.each([
    ['vaxjo', 'Växjö'],
    ['Vixjo', 'Växjö'],
    ['V6xj6', 'Växjö'],
    ['malmo', 'Malmö'],
    ['angelholm', 'Ängelholm'],
    ['lenhovda', 'Lenhovda'],
  ])('finds the place %s as %s', async (q, label) => {
    const hits = await search(q, 'locality');
    expect(hits[0]?.label).toBe(label);
  });

  it('finds offices and services from one query', async () => {
    const hits = await search('vaxjo');
    expect(hits.some((h) => h.kind === 'office' && h.label.includes('Växjö'))).toBe(true);
    expect(hits.some((h) => h.kind === 'municipality' && h.label === 'Växjö kommun')).toBe(true);
    const services = await search('id-kort', 'service');
    expect(services[0]?.label.toLowerCase()).toContain('id-kort');
  });

  it('rejects an empty or oversized query with the field named', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/search?q=' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'q' });
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/v1/search?q=x&kinds=planet' });
    expect(bad.statusCode).toBe(400);
  });
});
