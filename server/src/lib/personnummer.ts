// Swedish personal identity numbers: personnummer and samordningsnummer (day of birth + 60), validated
// by date and Luhn check digit (Skatteverket SKV 704), normalised to 12 digits and shown masked.

export type IdKind = 'personnummer' | 'samordningsnummer';

export interface ParsedId {
  kind: IdKind;
  /** YYYYMMDDNNNC, the canonical stored form. */
  normalized: string;
  /** Real date of birth, YYYY-MM-DD (for a samordningsnummer, the day minus 60). */
  birthDate: string;
}

export type ParseResult = { ok: true; value: ParsedId } | { ok: false; reason: 'format' | 'date' | 'checksum' };

/** Luhn over the ten digits YYMMDDNNNC: weights 2,1,2,1… from the left. */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Accepts YYYYMMDD-NNNC, YYYYMMDDNNNC, YYMMDD-NNNC, YYMMDDNNNC and YYMMDD+NNNC ("+" = 100 years or
 * older). A 10-digit form needs `today` to fix the century.
 */
export function parseSwedishId(input: string, today: Date = new Date()): ParseResult {
  const m = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/.exec(input.trim().replace(/\s/g, ''));
  if (!m) return { ok: false, reason: 'format' };
  const [, century, yymmdd, sep, last4] = m as unknown as [string, string | undefined, string, string, string];
  const yy = Number(yymmdd.slice(0, 2));
  let year: number;
  if (century !== undefined) {
    year = Number(century + yymmdd.slice(0, 2));
  } else {
    const thisYear = today.getUTCFullYear();
    year = Math.floor(thisYear / 100) * 100 + yy;
    if (year > thisYear) year -= 100;
    if (sep === '+') year -= 100;
  }
  const month = Number(yymmdd.slice(2, 4));
  const rawDay = Number(yymmdd.slice(4, 6));
  const kind: IdKind = rawDay > 60 ? 'samordningsnummer' : 'personnummer';
  const day = kind === 'samordningsnummer' ? rawDay - 60 : rawDay;
  if (!validDate(year, month, day)) return { ok: false, reason: 'date' };
  if (!luhnValid(yymmdd + last4)) return { ok: false, reason: 'checksum' };
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    ok: true,
    value: { kind, normalized: `${year}${yymmdd.slice(2)}${last4}`, birthDate: `${year}-${pad(month)}-${pad(day)}` },
  };
}

/** Shows only the birth date part: 19811218-XXXX. Anything unparseable is masked whole. */
export function maskSwedishId(normalized: string): string {
  return /^\d{12}$/.test(normalized) ? `${normalized.slice(0, 8)}-XXXX` : 'XXXXXXXX-XXXX';
}
