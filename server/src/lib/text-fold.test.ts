// Unit tests for the forgiving-search text folding, edit distances, scoring, ranking and Swedish collation.
import { describe, it, expect } from 'vitest';
import {
  compareSv,
  damerauLevenshtein,
  foldText,
  prepareSearchText,
  rankMatches,
  scoreMatch,
  skeletonText,
  typoDistance,
} from './text-fold.ts';

/** Near neighbours on purpose: Växjö/Vaxholm/Vänersborg, Malmö/Mölndal, Lessebo/Lenhovda/Ljungby. */
const CANDIDATES = [
  'Försäkringskassan',
  'Skatteverket',
  'Pensionsmyndigheten',
  'Arbetsförmedlingen',
  'Växjö',
  'Vaxholm',
  'Vänersborg',
  'Malmö',
  'Mölndal',
  'Ängelholm',
  'Lessebo',
  'Lenhovda',
  'Ljungby',
  'Ansökan om id-kort',
  'Folkbokföring vid inflyttning till Sverige',
  'Stockholm',
  'Stockholms län',
] as const;

/** Entries that combine an agency or service with a place, for multi-word queries. */
const COMBINED = [
  ...CANDIDATES,
  'Servicekontor Växjö',
  'Servicekontor Lessebo',
  'Servicekontor Ljungby',
  'Försäkringskassan Växjö',
  'Ansökan om id-kort, Växjö',
] as const;

function ranked(query: string, candidates: readonly string[]): { item: string; score: number }[] {
  return rankMatches(query, candidates, (s) => s);
}

/** Unbounded textbook OSA distance, the reference for the bounded implementation. */
function referenceOsa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

describe('foldText', () => {
  it('lower-cases and strips Swedish and other diacritics', () => {
    expect(foldText('Försäkringskassan')).toBe('forsakringskassan');
    expect(foldText('Växjö')).toBe('vaxjo');
    expect(foldText('Malmö')).toBe('malmo');
    expect(foldText('Ängelholm')).toBe('angelholm');
    expect(foldText('ÅRE')).toBe('are');
    expect(foldText('Véxjö')).toBe('vexjo');
    expect(foldText('Übersättning Café Ñandú')).toBe('ubersattning cafe nandu');
  });

  it('folds Nordic and Sami letters that NFKD leaves alone', () => {
    expect(foldText('Øresund')).toBe('oresund');
    expect(foldText('Ærø')).toBe('aro');
    expect(foldText('Straße')).toBe('strasse');
    expect(foldText('Guovdageaidnu Čohkkiras Jåhkåmåhkke Árjepluovve')).toBe(
      'guovdageaidnu cohkkiras jahkamahkke arjepluovve',
    );
    expect(foldText('Đ ŋ ŧ')).toBe('d n t');
  });

  it('splits ligatures from PDF/OCR text', () => {
    expect(foldText('ﬁnspång')).toBe('finspang');
  });

  it('repairs lone OCR digits inside words', () => {
    expect(foldText('F6rsakringskassan')).toBe('forsakringskassan');
    expect(foldText('V6xj6')).toBe('voxjo');
    expect(foldText('Malm0')).toBe('malmo');
    expect(foldText('6rebro')).toBe('orebro');
    expect(foldText('Ma1mö')).toBe('malmo');
    expect(foldText('Le5sebo')).toBe('lessebo');
  });

  it('leaves numbers and codes intact', () => {
    expect(foldText('0780')).toBe('0780');
    expect(foldText('352 30')).toBe('352 30');
    expect(foldText('SE-352 30 Växjö')).toBe('se 352 30 vaxjo');
    expect(foldText('A012')).toBe('a012');
    expect(foldText('E6')).toBe('e6');
    expect(foldText('A6 Center')).toBe('a6 center');
    expect(foldText('Storgatan 6a')).toBe('storgatan 6a');
    expect(foldText('Box 1234')).toBe('box 1234');
    expect(foldText('covid19')).toBe('covid19');
    // A trailing 1 or 5 is more likely a real suffix than a misread letter.
    expect(foldText('Kurs1')).toBe('kurs1');
    expect(foldText('202100-5489')).toBe('202100 5489');
  });

  it('collapses punctuation, hyphens and whitespace', () => {
    expect(foldText('  Ansökan   om\tid-kort!  ')).toBe('ansokan om id kort');
    expect(foldText('Folkbokföring – vid inflyttning (till) Sverige.')).toBe('folkbokforing vid inflyttning till sverige');
    expect(foldText('S:t Eriksplan')).toBe('st eriksplan');
    expect(foldText('O’Neill')).toBe('oneill');
    expect(foldText('2:a våningen')).toBe('2 a vaningen');
  });

  it('folds empty, whitespace-only and punctuation-only input to the empty string', () => {
    expect(foldText('')).toBe('');
    expect(foldText('   ')).toBe('');
    expect(foldText('\t\n ')).toBe('');
    expect(foldText(' - – . ')).toBe('');
  });

  it('is idempotent', () => {
    for (const s of [...COMBINED, 'F6rsakringskassan', 'V6xj6', 'A012', '352 30', 'S:t Eriksplan', 'Ærø', 'ﬁnspång']) {
      expect(foldText(foldText(s))).toBe(foldText(s));
    }
  });
});

describe('skeletonText', () => {
  it('gives å/ä/ö misreads the same skeleton as the right spelling', () => {
    for (const s of ['Växjö', 'vaxjo', 'Vixjo', 'V6xj6', 'Véxjö', 'vexjo']) expect(skeletonText(s)).toBe('vaxja');
    expect(skeletonText('Forsikringskassan')).toBe(skeletonText('Försäkringskassan'));
    expect(skeletonText('F6rsakringskassan')).toBe(skeletonText('Försäkringskassan'));
    expect(skeletonText('Skattevarket')).toBe(skeletonText('Skatteverket'));
  });

  it('collapses doubled letters and merges spelling variants', () => {
    expect(skeletonText('Skateverket')).toBe(skeletonText('Skatteverket'));
    expect(skeletonText('Lesebo')).toBe(skeletonText('Lessebo'));
    expect(skeletonText('Carlskrona')).toBe(skeletonText('Karlskrona'));
  });

  it('keeps neighbours apart, word boundaries and numbers', () => {
    expect(skeletonText('Lessebo')).not.toBe(skeletonText('Lenhovda'));
    expect(skeletonText('Växjö')).not.toBe(skeletonText('Vaxholm'));
    expect(skeletonText('Malmö')).not.toBe(skeletonText('Mölndal'));
    expect(skeletonText('Åre')).toBe('ara');
    expect(skeletonText('Servicekontor Växjö')).toBe('sarvakakantar vaxja');
    expect(skeletonText('352 30')).toBe('352 30');
    expect(skeletonText('')).toBe('');
  });
});

describe('damerauLevenshtein', () => {
  it('computes the optimal-string-alignment distance', () => {
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('ab', 'ba')).toBe(1);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('abc', '')).toBe(3);
    expect(damerauLevenshtein('vaxjo', 'vaxjo')).toBe(0);
    // OSA (not unrestricted Damerau): a transposed pair cannot be edited again.
    expect(damerauLevenshtein('ca', 'abc')).toBe(3);
    expect(damerauLevenshtein('pensionsmyndihgeten', 'pensionsmyndigheten')).toBe(1);
  });

  it('returns max + 1 once the bound is exceeded, the exact distance within it', () => {
    expect(damerauLevenshtein('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(damerauLevenshtein('kitten', 'sitting', 3)).toBe(3);
    expect(damerauLevenshtein('kitten', 'sitting', 2)).toBe(3);
    expect(damerauLevenshtein('a', 'abcdefghij', 1)).toBe(2);
    expect(damerauLevenshtein('abcdefghij', 'a', 1)).toBe(2);
    expect(damerauLevenshtein('vixjo', 'vaxjo', 0)).toBe(1);
  });

  it('agrees with an unbounded reference on every pair of candidate names', () => {
    const words = COMBINED.map(foldText);
    for (const a of words) {
      for (const b of words) {
        const ref = referenceOsa(a, b);
        expect(damerauLevenshtein(a, b)).toBe(ref);
        for (const max of [0, 1, 2, 3, 5]) expect(damerauLevenshtein(a, b, max)).toBe(Math.min(ref, max + 1));
      }
    }
  });
});

describe('typoDistance', () => {
  it('makes vowel confusions and doubled letters cheap', () => {
    expect(typoDistance('vixjo', 'vaxjo')).toBeCloseTo(0.4);
    expect(typoDistance('voxjo', 'vaxjo')).toBeCloseTo(0.4);
    expect(typoDistance('forsikringskassan', 'forsakringskassan')).toBeCloseTo(0.4);
    expect(typoDistance('forsidkringskassan', 'forsakringskassan')).toBeCloseTo(1.4);
    expect(typoDistance('lesebo', 'lessebo')).toBeCloseTo(0.5);
    expect(typoDistance('wexjo', 'vaxjo')).toBeCloseTo(0.8);
    expect(typoDistance('vaxjo', 'vaxjo')).toBe(0);
  });

  it('never exceeds the unit-cost distance and respects the bound', () => {
    const words = COMBINED.map(foldText);
    for (const a of words) for (const b of words) expect(typoDistance(a, b)).toBeLessThanOrEqual(damerauLevenshtein(a, b) + 1e-9);
    expect(typoDistance('malmo', 'molndal', 1)).toBe(2);
  });
});

describe('scoreMatch', () => {
  it('scores in bands: exact, compact, prefix, word, fuzzy', () => {
    expect(scoreMatch('vaxjo', 'Växjö')).toBe(1);
    expect(scoreMatch('VÄXJÖ', 'växjö')).toBe(1);
    expect(scoreMatch('idkort', 'id-kort')).toBeCloseTo(0.97);
    const vax = scoreMatch('vax', 'Växjö');
    expect(vax).toBeGreaterThanOrEqual(0.9);
    expect(vax).toBeLessThan(0.97);
    expect(vax).toBeGreaterThan(scoreMatch('vax', 'Vaxholm'));
    expect(scoreMatch('stock', 'Stockholm')).toBeGreaterThanOrEqual(0.9);
    const word = scoreMatch('vaxjo', 'Servicekontor Växjö');
    expect(word).toBeGreaterThan(0.8);
    expect(word).toBeLessThan(vax);
    const fuzzy = scoreMatch('vixjo', 'Växjö');
    expect(fuzzy).toBeGreaterThan(0.5);
    expect(fuzzy).toBeLessThan(word);
    expect(scoreMatch('kassan', 'Försäkringskassan')).toBeGreaterThan(0.5);
  });

  it('stays within 0..1 and gives 0 without evidence or input', () => {
    for (const q of ['vaxjo', 'fk vaxjo', 'x', 'zzzzzz', '0780']) {
      for (const c of COMBINED) {
        const s = scoreMatch(q, c);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
    }
    expect(scoreMatch('', 'Växjö')).toBe(0);
    expect(scoreMatch('   ', 'Växjö')).toBe(0);
    expect(scoreMatch('vaxjo', '')).toBe(0);
    expect(scoreMatch('qqqqqq', 'Växjö')).toBe(0);
  });

  it('matches numbers exactly or by prefix, never by typo', () => {
    expect(scoreMatch('0780', '0780')).toBe(1);
    expect(scoreMatch('352 30', '352 30 Växjö')).toBeGreaterThan(0.9);
    expect(scoreMatch('35230', '352 30')).toBeCloseTo(0.97);
    expect(scoreMatch('35231', '35230')).toBe(0);
    expect(scoreMatch('0781', 'Växjö 0780')).toBe(0);
  });

  it('accepts prepared texts with the same result as raw strings', () => {
    const q = prepareSearchText('fk vaxjo');
    for (const c of COMBINED) expect(scoreMatch(q, prepareSearchText(c))).toBe(scoreMatch('fk vaxjo', c));
  });

  it('does not blow up on a very long query or candidate', () => {
    // Speed is the search bench's business; here a blow-up would show as the test's own timeout.
    const long = 'försäkringskassan växjö '.repeat(5000);
    for (const c of COMBINED) {
      const s = scoreMatch(long, c);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    expect(scoreMatch('vaxjo', long)).toBeGreaterThan(0);
    expect(scoreMatch(long, long)).toBe(1);
  });
});

describe('ranking the right entry first', () => {
  const cases: [query: string, expected: string][] = [
    ['forsakringskassan', 'Försäkringskassan'],
    ['vaxjo', 'Växjö'],
    ['malmo', 'Malmö'],
    ['angelholm', 'Ängelholm'],
    ['F6rsakringskassan', 'Försäkringskassan'],
    ['Forsikringskassan', 'Försäkringskassan'],
    ['Forsidkringskassan', 'Försäkringskassan'],
    ['forsakringskasan', 'Försäkringskassan'],
    ['forsik', 'Försäkringskassan'],
    ['Vixjo', 'Växjö'],
    ['V6xj6', 'Växjö'],
    ['Véxjö', 'Växjö'],
    ['vexjo', 'Växjö'],
    ['Skattevarket', 'Skatteverket'],
    ['Skateverket', 'Skatteverket'],
    ['Pensionsmyndigheton', 'Pensionsmyndigheten'],
    ['Pensjonsmyndigheten', 'Pensionsmyndigheten'],
    ['Pensionsmyndihgeten', 'Pensionsmyndigheten'],
    ['arbetsformedlingen', 'Arbetsförmedlingen'],
    ['arbetsfarmedlingen', 'Arbetsförmedlingen'],
    ['vax', 'Växjö'],
    ['stock', 'Stockholm'],
    ['vanersborg', 'Vänersborg'],
    ['vinersborg', 'Vänersborg'],
    ['molndal', 'Mölndal'],
    ['m6lndal', 'Mölndal'],
    ['lesebo', 'Lessebo'],
    ['lenhovda', 'Lenhovda'],
    ['ljungbi', 'Ljungby'],
    ['id-kort', 'Ansökan om id-kort'],
    ['idkort', 'Ansökan om id-kort'],
    ['inflytning', 'Folkbokföring vid inflyttning till Sverige'],
    ['folkbokforing sverige', 'Folkbokföring vid inflyttning till Sverige'],
    ['skv', 'Skatteverket'],
    ['af', 'Arbetsförmedlingen'],
  ];

  it.each(cases)('%s → %s', (query, expected) => {
    const result = ranked(query, CANDIDATES);
    expect(result[0]?.item).toBe(expected);
    if (result.length > 1) expect(result[0]!.score).toBeGreaterThan(result[1]!.score);
  });

  const multiWord: [query: string, expected: string][] = [
    ['fk vaxjo', 'Försäkringskassan Växjö'],
    ['id-kort växjö', 'Ansökan om id-kort, Växjö'],
    ['servicekontor lessebo', 'Servicekontor Lessebo'],
    ['lessebo servicekontor', 'Servicekontor Lessebo'],
    ['servicekontor lesebo', 'Servicekontor Lessebo'],
    ['servicekontor les', 'Servicekontor Lessebo'],
    ['servicekontor vixjo', 'Servicekontor Växjö'],
    ['forsakringskassan v6xj6', 'Försäkringskassan Växjö'],
    ['forsikrings kasan', 'Försäkringskassan'],
  ];

  it.each(multiWord)('%s → %s', (query, expected) => {
    const result = ranked(query, COMBINED);
    expect(result[0]?.item).toBe(expected);
    expect(result[0]!.score).toBeGreaterThan(result[1]!.score);
  });

  it('ranks a name with any single letter replaced, dropped or swapped first', () => {
    for (const name of ['Försäkringskassan', 'Pensionsmyndigheten', 'Skatteverket', 'Arbetsförmedlingen']) {
      const folded = foldText(name);
      for (let i = 0; i < folded.length; i++) {
        const variants = [
          folded.slice(0, i) + 'x' + folded.slice(i + 1),
          folded.slice(0, i) + folded.slice(i + 1),
          i + 1 < folded.length ? folded.slice(0, i) + folded[i + 1] + folded[i] + folded.slice(i + 2) : folded,
        ];
        for (const v of variants) expect(ranked(v, CANDIDATES)[0]?.item, v).toBe(name);
      }
    }
  });

  it('keeps the near neighbours below the intended entry', () => {
    const vixjo = ranked('vixjo', CANDIDATES);
    expect(vixjo.map((r) => r.item)).not.toContain('Vaxholm');
    const malmo = ranked('malmo', CANDIDATES);
    expect(malmo.find((r) => r.item === 'Mölndal')?.score ?? 0).toBeLessThan(0.5);
    const lessebo = ranked('lessebo', CANDIDATES);
    expect(lessebo.find((r) => r.item === 'Lenhovda')?.score ?? 0).toBeLessThan(0.5);
  });
});

describe('rankMatches', () => {
  it('breaks score ties with Swedish collation', () => {
    const result = ranked('servicekontor', ['Servicekontor Öje', 'Servicekontor Åre', 'Servicekontor Ale']);
    expect(result.map((r) => r.item)).toEqual(['Servicekontor Ale', 'Servicekontor Åre', 'Servicekontor Öje']);
    expect(result[0]!.score).toBe(result[2]!.score);
  });

  it('drops items below minScore and items without any match', () => {
    const all = rankMatches('vixjo', CANDIDATES, (s) => s);
    expect(all.every((r) => r.score > 0)).toBe(true);
    const strict = rankMatches('vax', CANDIDATES, (s) => s, 0.9);
    expect(strict.map((r) => r.item)).toEqual(['Växjö', 'Vaxholm']);
    expect(rankMatches('', CANDIDATES, (s) => s)).toEqual([]);
  });

  it('ranks objects through the text accessor', () => {
    const items = [
      { id: 1, name: 'Vaxholm' },
      { id: 2, name: 'Växjö' },
    ];
    expect(rankMatches('vaxjo', items, (i) => i.name)[0]?.item.id).toBe(2);
  });
});

describe('compareSv', () => {
  it('sorts å, ä, ö after z', () => {
    expect(['Öland', 'Åre', 'Ängelholm', 'Zinkgruvan', 'Arboga'].sort(compareSv)).toEqual([
      'Arboga',
      'Zinkgruvan',
      'Åre',
      'Ängelholm',
      'Öland',
    ]);
  });

  it('ignores case but not the Swedish letters', () => {
    expect(compareSv('åre', 'Åre')).toBe(0);
    expect(compareSv('Are', 'Åre')).toBeLessThan(0);
    expect(compareSv('Vaxholm', 'Växjö')).toBeLessThan(0);
  });
});
