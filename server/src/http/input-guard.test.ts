import { describe, expect, it } from 'vitest';
import { checkInputText, withSafeBounds } from './input-guard.ts';
import { isInstantInWindow, isIsoDateInWindow } from '../../../contracts/common.ts';

describe('withSafeBounds', () => {
  it('bounds integers, numbers, strings and arrays that set no limit, and leaves set limits alone', () => {
    const schema = { type: 'object', properties: { n: { type: 'integer' }, x: { type: 'number', maximum: 5 }, s: { type: 'string' }, u: { type: 'string', format: 'uuid' }, a: { type: 'array', items: { type: 'string', maxLength: 3 } }, e: { type: 'string', enum: ['a'] } } };
    const out = withSafeBounds(schema, 'url') as { properties: Record<string, Record<string, unknown>> };
    expect(out.properties.n).toMatchObject({ minimum: -2_147_483_648, maximum: 2_147_483_647 });
    expect(out.properties.x).toMatchObject({ minimum: -1e12, maximum: 5 });
    expect(out.properties.s).toMatchObject({ maxLength: 1000 });
    expect(out.properties.u!.maxLength).toBeUndefined();
    expect(out.properties.a).toMatchObject({ maxItems: 10_000, items: { maxLength: 3 } });
    expect(out.properties.e!.maxLength).toBeUndefined();
    // The route's own schema object is shared (contracts); it is never changed.
    expect((schema.properties.n as Record<string, unknown>).maximum).toBeUndefined();
  });
});

describe('checkInputText', () => {
  it('names the field holding a control character, broken Unicode or too deep a nesting', () => {
    expect(() => checkInputText({ members: [{ givenName: 'a\u0000' }] }, 'body', 'body')).toThrow(/members\[0\]\.givenName/);
    expect(() => checkInputText({ q: 'line\nbreak' }, 'url', 'query')).toThrow(/^q:/);
    expect(() => checkInputText({ note: 'line\nbreak\ttab' }, 'body', 'body')).not.toThrow();
    expect(() => checkInputText({ q: 'x\ud800' }, 'url', 'query')).toThrow(/Unicode/);
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(() => checkInputText({ a: deep }, 'body', 'body')).toThrow(/deeper/);
  });
});

describe('date formats', () => {
  it('accepts real days in 1900–2100 only', () => {
    expect(['2026-12-01', '2028-02-29', '1900-01-01', '2100-12-31'].every(isIsoDateInWindow)).toBe(true);
    expect(['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '0000-01-01', '9999-12-31', '1899-12-31', '2026-1-1'].some(isIsoDateInWindow)).toBe(false);
    expect(isInstantInWindow('2026-12-03T09:00:00Z')).toBe(true);
    expect(isInstantInWindow('2026-12-03T09:00:00.123+01:00')).toBe(true);
    expect(['9999-12-31T23:59:59Z', '2026-02-30T10:00:00Z', '2026-12-03T24:00:00Z', '2026-12-03 09:00'].some(isInstantInWindow)).toBe(false);
  });
});
