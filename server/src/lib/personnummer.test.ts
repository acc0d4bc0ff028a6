// Personnummer and samordningsnummer: formats, dates, Luhn, century rules and masking.
import { describe, expect, it } from 'vitest';
import { luhnValid, maskSwedishId, parseSwedishId } from './personnummer.ts';

const today = new Date('2026-11-25T12:00:00Z');

describe('parseSwedishId', () => {
  it.each([
    ['19811218-9876', '198112189876'],
    ['198112189876', '198112189876'],
    ['811218-9876', '198112189876'],
    ['8112189876', '198112189876'],
    ['121212-1212', '201212121212'],
  ])('accepts %s', (input, normalized) => {
    const r = parseSwedishId(input, today);
    expect(r).toMatchObject({ ok: true, value: { kind: 'personnummer', normalized } });
  });

  it('reads "+" as a person aged 100 or more', () => {
    expect(parseSwedishId('121212+1212', today)).toMatchObject({ ok: true, value: { normalized: '191212121212', birthDate: '1912-12-12' } });
  });

  it('recognises a samordningsnummer (day + 60) and gives the real birth date', () => {
    const r = parseSwedishId('701063-2391', today);
    expect(r).toMatchObject({ ok: true, value: { kind: 'samordningsnummer', normalized: '197010632391', birthDate: '1970-10-03' } });
  });

  it.each([
    ['19811218-9875', 'checksum'],
    ['19811318-9876', 'date'],
    ['19810230-1234', 'date'],
    ['701093-2391', 'date'],
    ['abc', 'format'],
    ['98112189', 'format'],
    ['', 'format'],
  ])('rejects %s (%s)', (input, reason) => {
    expect(parseSwedishId(input, today)).toEqual({ ok: false, reason });
  });

  it('computes Luhn as Skatteverket does', () => {
    expect(luhnValid('8112189876')).toBe(true);
    expect(luhnValid('8112189875')).toBe(false);
  });
});

describe('maskSwedishId', () => {
  it('shows only the date part', () => {
    expect(maskSwedishId('198112189876')).toBe('19811218-XXXX');
    expect(maskSwedishId('garbage')).toBe('XXXXXXXX-XXXX');
  });
});
