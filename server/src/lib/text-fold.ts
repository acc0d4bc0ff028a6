// Text folding and fuzzy ranking for the forgiving registry search, shared by stored columns and queries.
//
// Everything here is pure and deterministic, so the stored folded columns and the folded query are
// produced by the same code whether the app runs on PGlite or on PostgreSQL (no `unaccent`
// dictionary, no server locale involved). See docs/decisions/0003-forgiving-search.md.

// ---------------------------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------------------------

/** Apostrophe-like marks are deleted, not turned into spaces, so "Sankt Eriks'" or "O’Neill" stay one word.
 *  Removed before NFKD because NFKD turns the acute accent ´ into a space plus a combining mark. */
const APOSTROPHES = /['’ʼ`´]/g;

/** Combining marks left by NFKD: this is what turns å/ä→a, ö→o, é→e, ü→u, ñ→n, č→c (Sami, loan words). */
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Letters that NFKD does not decompose. æ and ø are the Danish/Norwegian (and South Sami in Norway)
 * spellings of ä and ö, so they fold the same way ä and ö do; the rest are plain transliterations.
 */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  æ: 'a',
  ø: 'o',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd', // North Sami đ (Guovdageaidnu) and Croatian đ
  ð: 'd',
  þ: 'th',
  ŋ: 'n', // North Sami eng
  ŧ: 't', // North Sami t with stroke
  ı: 'i',
};
const UNDECOMPOSED_RE = /[æøœßłđðþŋŧı]/g;

/** "S:t Eriksplan", "S:ta Clara": the colon inside Swedish abbreviations is dropped so "S:t" folds to "st". */
const ABBREVIATION_COLON = /(?<=\p{L}):(?=\p{L})/gu;

/** Anything that is not a letter or a digit separates words; runs collapse to one space. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

const HAS_ASCII_DIGIT = /[0-9]/;
const LETTER = /\p{L}/u;

/**
 * OCR misreads of letters as digits, applied only to a lone digit inside a word-like token.
 * - 6→o: the dots of ö merge with the bowl ("F6rsäkringskassan", "V6xj6", "6rebro").
 * - 0→o: zero and the letter o are the classic OCR and typing confusion ("Malm0").
 * - 1→l: one and lower-case L are near-identical in most fonts ("Ma1mö"). When the true letter was
 *   i or I, this leaves one substitution for the fuzzy matcher, which is no worse than keeping the 1.
 * - 5→s: five and S share their shape ("Le5sebo").
 * Other digits (2/z, 8/b, 4/a) are rare confusions and would mostly mangle real codes.
 */
const INTERIOR_DIGIT: Readonly<Record<string, string>> = { '0': 'o', '1': 'l', '5': 's', '6': 'o' };
/**
 * At the start or end of a word only the round digits are mapped: a word-final 1 or 5 is more
 * likely a real suffix ("Kurs1", "Plan5") than damage, while a final 6/0 is the ö/o of "Malm6", "V6xj6".
 */
const EDGE_DIGIT: Readonly<Record<string, string>> = { '0': 'o', '6': 'o' };
/**
 * A token needs at least this many letters before its digits are considered damage. This keeps
 * codes intact: queue tickets "A012", roads "E6"/"E4", "A6" (Jönköping), house numbers "6a", "12b".
 */
const MIN_LETTERS_FOR_OCR_REPAIR = 3;

function repairOcrDigits(token: string): string {
  if (!HAS_ASCII_DIGIT.test(token)) return token;
  const chars = Array.from(token);
  let letters = 0;
  for (const ch of chars) if (LETTER.test(ch)) letters++;
  if (letters < MIN_LETTERS_FOR_OCR_REPAIR) return token;
  const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
  const isLetter = (ch: string | undefined): boolean => ch !== undefined && LETTER.test(ch);
  let changed = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === undefined || !isDigit(ch)) continue;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    // Digit runs ("A012", "covid19", "se35230") are numbers, never OCR damage.
    if (isDigit(prev) || isDigit(next)) continue;
    let mapped: string | undefined;
    if (isLetter(prev) && isLetter(next)) mapped = INTERIOR_DIGIT[ch];
    else if ((prev === undefined && isLetter(next)) || (next === undefined && isLetter(prev))) mapped = EDGE_DIGIT[ch];
    if (mapped !== undefined) {
      chars[i] = mapped;
      changed = true;
    }
  }
  return changed ? chars.join('') : token;
}

/**
 * The canonical folded form, stored per searchable entry and computed for every query.
 * Lower-case (Swedish locale), compatibility-decomposed (NFKD: also splits ligatures such as "ﬁ"
 * from PDF/OCR text), diacritics removed, æ/ø folded like ä/ö, lone OCR digits inside words
 * repaired, punctuation/hyphens/whitespace collapsed to single spaces, trimmed.
 * Idempotent: foldText(foldText(s)) === foldText(s), so already-folded text may be passed again.
 */
export function foldText(s: string): string {
  if (s === '') return '';
  const folded = s
    .replace(APOSTROPHES, '')
    .toLocaleLowerCase('sv')
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSED_RE, (ch) => UNDECOMPOSED[ch] ?? ch)
    .replace(ABBREVIATION_COLON, '')
    .replace(SEPARATORS, ' ')
    .trim();
  if (!HAS_ASCII_DIGIT.test(folded)) return folded;
  return folded.split(' ').map(repairOcrDigits).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Skeleton
// ---------------------------------------------------------------------------------------------

const SKELETON_VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
/** Spelling variants that sound alike: old "Wexiö"/"Carlskrona", z for s in names, q for k. */
const SKELETON_CONSONANTS: Readonly<Record<string, string>> = { w: 'v', z: 's', c: 'k', q: 'k' };

/**
 * A vowel-class skeleton of the folded text for a second trigram index: every run of vowels becomes
 * one "a", the consonant pairs above are merged and doubled letters collapse. Word boundaries stay.
 *
 * Why: å/ä/ö are misread or mistyped as a, e, i, o, 6 or é, and a vowel error breaks up to three
 * trigrams of a short word, so "vixjo" has pg_trgm similarity 0.33 to "vaxjo" while both skeletons
 * are "vaxja" (similarity 1). Unlike a pure consonant skeleton ("frskrngsksn") it keeps the position
 * of vowels, so word-initial vowels (Åre → "ara", Öland → "aland") and syllable structure survive and
 * short names stay distinguishable; measured: "forsidkringskassan" vs "forsakringskassan" gives 0.75
 * on vowel-class skeletons, 0.67 on consonant skeletons, 0.68 on the folded text.
 * Doubled consonants collapse because "Skateverket"/"Lesebo" are the other common typo.
 */
export function skeletonText(s: string): string {
  const folded = foldText(s);
  let out = '';
  let last = '';
  for (const ch of folded) {
    const mapped = SKELETON_VOWELS.has(ch) ? 'a' : (SKELETON_CONSONANTS[ch] ?? ch);
    if (mapped === last && mapped !== ' ') continue;
    out += mapped;
    last = mapped;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Edit distance
// ---------------------------------------------------------------------------------------------

/** Substitutions inside one of these classes are cheap in typoDistance (bit flags per ASCII letter). */
const SIMILAR = new Uint8Array(128);
const markClass = (letters: string, bit: number): void => {
  for (const ch of letters) SIMILAR[ch.charCodeAt(0)] = (SIMILAR[ch.charCodeAt(0)] ?? 0) | bit;
};
markClass('aeiouy', 1); // å/ä/ö and OCR/typing confusions all land on vowels after folding
markClass('vw', 2);
markClass('sz', 4);
markClass('ckq', 8);

/** Cost of substituting one letter for a similar one (a vowel for a vowel, w for v…). */
const SIMILAR_SUBSTITUTION_COST = 0.4;
/** Cost of inserting or deleting a letter that doubles its neighbour ("Lesebo", "Skattteverket"). */
const DOUBLED_LETTER_COST = 0.5;
/** Float sums of 0.4/0.5 are compared against integer budgets with this tolerance. */
const EPS = 1e-9;

// Scratch rows reused across calls: the re-ranker calls this thousands of times per request and the
// code is synchronous, so sharing avoids an allocation per call.
let rowPrev2 = new Float64Array(64);
let rowPrev = new Float64Array(64);
let rowCur = new Float64Array(64);
/** Side result of the last editDistance call: distance from a to the closest prefix of b. */
let lastPrefixDistance = 0;

function substitutionCost(x: number, y: number): number {
  if (x === y) return 0;
  return x < 128 && y < 128 && ((SIMILAR[x] ?? 0) & (SIMILAR[y] ?? 0)) !== 0 ? SIMILAR_SUBSTITUTION_COST : 1;
}

/**
 * Optimal-string-alignment Damerau–Levenshtein (adjacent transpositions, each substring edited once),
 * bounded: returns the exact distance when it is ≤ max, otherwise max + 1, and stops as soon as a
 * whole DP row exceeds max. Also leaves in lastPrefixDistance the distance from a to the best prefix
 * of b (the same DP's last row), which scores half-typed words without a second pass.
 * Works on UTF-16 code units; folded text is ASCII for Swedish names, so that is exact there.
 */
function editDistance(a: string, b: string, max: number, weighted: boolean): number {
  const over = max + 1;
  const la = a.length;
  const minIndel = weighted ? DOUBLED_LETTER_COST : 1;
  // Aligning all of a with any prefix of b needs at least (la - lb) deletions.
  if ((la - b.length) * minIndel > max + EPS) {
    lastPrefixDistance = over;
    return over;
  }
  // Columns past la + reach cannot take part in a within-budget alignment: cut b there. The full
  // distance is then out of budget, but the prefix distance is still exact.
  const reach = Number.isFinite(max) ? Math.floor(max / minIndel) + 1 : Infinity;
  let lb = b.length;
  let fullOver = false;
  if (lb - la > reach) {
    lb = la + reach;
    fullOver = true;
  }
  if (rowCur.length < lb + 1) {
    const size = Math.max(lb + 1, rowCur.length * 2);
    rowPrev2 = new Float64Array(size);
    rowPrev = new Float64Array(size);
    rowCur = new Float64Array(size);
  }
  let p2 = rowPrev2;
  let p1 = rowPrev;
  let cur = rowCur;
  p1[0] = 0;
  for (let j = 1; j <= lb; j++) {
    const ins = weighted && j >= 2 && b.charCodeAt(j - 1) === b.charCodeAt(j - 2) ? DOUBLED_LETTER_COST : 1;
    p1[j] = p1[j - 1]! + ins;
  }
  for (let i = 1; i <= la; i++) {
    const ac = a.charCodeAt(i - 1);
    const acPrev = i >= 2 ? a.charCodeAt(i - 2) : -1;
    const del = weighted && ac === acPrev ? DOUBLED_LETTER_COST : 1;
    cur[0] = p1[0]! + del;
    let rowMin = cur[0]!;
    for (let j = 1; j <= lb; j++) {
      const bc = b.charCodeAt(j - 1);
      const bcPrev = j >= 2 ? b.charCodeAt(j - 2) : -2;
      const ins = weighted && bc === bcPrev ? DOUBLED_LETTER_COST : 1;
      // Indices are all within 0..lb of rows sized > lb, hence the non-null assertions in this loop.
      let v = p1[j - 1]! + (weighted ? substitutionCost(ac, bc) : ac === bc ? 0 : 1);
      const up = p1[j]! + del;
      if (up < v) v = up;
      const left = cur[j - 1]! + ins;
      if (left < v) v = left;
      if (ac === bcPrev && acPrev === bc && ac !== bc) {
        const t = p2[j - 2]! + 1;
        if (t < v) v = t;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max + EPS) {
      lastPrefixDistance = over;
      return over;
    }
    const spare = p2;
    p2 = p1;
    p1 = cur;
    cur = spare;
  }
  let prefix = Infinity;
  for (let j = 0; j <= lb; j++) if (p1[j]! < prefix) prefix = p1[j]!;
  lastPrefixDistance = prefix > max + EPS ? over : prefix;
  const full = p1[lb]!;
  return fullOver || full > max + EPS ? over : full;
}

/**
 * Damerau–Levenshtein distance (optimal string alignment, unit costs) bounded by max: returns the
 * distance when it is ≤ max, otherwise max + 1, exiting early once no alignment can stay within max.
 */
export function damerauLevenshtein(a: string, b: string, max: number = Infinity): number {
  if (a === b) return 0;
  return editDistance(a, b, max, false);
}

/**
 * The distance the ranking uses: Damerau–Levenshtein where substituting a similar letter costs 0.4
 * (any vowel for any vowel — the folded trace of å/ä/ö misreads and é — and v/w, s/z, c/k/q) and
 * inserting or deleting a doubled letter costs 0.5. Same bound semantics as damerauLevenshtein.
 * "forsikringskassan"→"forsakringskassan" is 0.4, "vixjo"→"vaxjo" 0.4, "lesebo"→"lessebo" 0.5.
 */
export function typoDistance(a: string, b: string, max: number = Infinity): number {
  if (a === b) return 0;
  return editDistance(a, b, max, true);
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

/** A folded text split for scoring; prepare a query once when scoring many candidates. */
export interface SearchText {
  readonly folded: string;
  /** folded without spaces: "id kort" and "idkort" meet here. */
  readonly compact: string;
  readonly words: readonly string[];
}

/** Bounds that keep scoring linear-ish whatever a client sends (a pasted page, a 10 kB query). */
const MAX_FOLDED_CHARS = 256;
const MAX_WORDS = 32;
const MAX_QUERY_WORDS = 8;
/** Words longer than this are matched exactly, by prefix or by substring, never by edit distance. */
const MAX_FUZZY_WORD = 40;
/** Whole-string fuzzy comparison (spacing differences plus typos) only for name-sized texts. */
const MAX_COMPACT_FUZZY = 48;

/** Raw input beyond this is not even folded (folding rarely shrinks text by more than this factor). */
const MAX_RAW_CHARS = 4 * MAX_FOLDED_CHARS;

export function prepareSearchText(s: string): SearchText {
  let folded = foldText(s.length > MAX_RAW_CHARS ? s.slice(0, MAX_RAW_CHARS) : s);
  if (folded.length > MAX_FOLDED_CHARS) folded = folded.slice(0, MAX_FOLDED_CHARS).trimEnd();
  const words = folded === '' ? [] : folded.split(' ', MAX_WORDS);
  return { folded, compact: words.join(''), words };
}

// Score bands, highest first. Each band is kept apart from the next so that an exact or prefix hit
// always outranks a fuzzy one, whatever the lengths involved.
const S_COMPACT_EXACT = 0.97; // "idkort" ~ "id-kort"
const S_PREFIX = 0.9; // + up to 0.06 by coverage: "vax" → "Växjö" 0.936, "Vaxholm" 0.926
const S_WORDS = 0.95; // ceiling of the word-by-word route
const S_COMPACT_FUZZY = 0.75;
const S_COMPACT_FUZZY_PREFIX = 0.65;
// Per-word scores (before the S_WORDS factor).
const W_PREFIX = 0.8; // + up to 0.1: "stock" starts "stockholm"
const W_INFIX = 0.6; // + up to 0.1: "kassan" inside "forsakringskassan" (compound tails)
const W_ABBREVIATION = 0.5; // "fk", "skv", "af", "pm": letters in order, same first letter
const W_FUZZY = 0.8; // × (1 - distance / length)
const W_FUZZY_PREFIX = 0.7; // half-typed word with a typo: "forsik" → "forsakringskassan"
const W_JOINED = 0.95; // query word equals two candidate words joined ("idkort" ~ "id kort")

/** Typos tolerated for a query word of this length (in typoDistance units). */
function typoBudget(len: number): number {
  if (len <= 2) return 0;
  if (len === 3) return 0.5; // one similar-letter swap or doubled letter, no more: 3 letters carry little
  if (len <= 5) return 1;
  if (len <= 8) return 2;
  return 3;
}

function isAbbreviation(q: string, w: string): boolean {
  if (q.charCodeAt(0) !== w.charCodeAt(0)) return false;
  let k = 1;
  for (let i = 1; i < w.length && k < q.length; i++) if (w.charCodeAt(i) === q.charCodeAt(k)) k++;
  return k === q.length;
}

function wordScore(qw: string, cw: string, numeric: boolean): number {
  if (qw === cw) return 1;
  const ql = qw.length;
  const cl = cw.length;
  if (cl > ql && cw.startsWith(qw)) return W_PREFIX + 0.1 * (ql / cl);
  // Numbers (postal codes, municipality codes, ticket codes) match exactly or by prefix only:
  // "35231" is a different place from "35230", not a typo of it.
  if (numeric) return 0;
  let best = 0;
  if (ql >= 3 && cl > ql && cw.includes(qw)) best = W_INFIX + 0.1 * (ql / cl);
  if (ql >= 2 && ql <= 4 && cl >= 2 * ql && isAbbreviation(qw, cw)) best = Math.max(best, W_ABBREVIATION);
  const budget = typoBudget(ql);
  if (budget === 0 || ql > MAX_FUZZY_WORD) return best;
  const d = editDistance(qw, cw, budget, true);
  if (d <= budget + EPS) best = Math.max(best, W_FUZZY * (1 - d / Math.max(ql, cl)));
  const pd = lastPrefixDistance;
  if (cl > ql && pd <= budget + EPS) best = Math.max(best, W_FUZZY_PREFIX * (1 - pd / ql));
  return best;
}

const toSearchText = (s: string | SearchText): SearchText => (typeof s === 'string' ? prepareSearchText(s) : s);

/**
 * How well a candidate matches a query, in 0..1 (both folded first; either may be pre-prepared).
 * Bands: 1 folded-equal; 0.97 equal ignoring spaces; 0.90–0.96 candidate starts with the query;
 * otherwise the best of (a) the word-by-word route — each query word takes its best candidate word
 * (exact 1, prefix 0.8–0.9, infix 0.6–0.7, abbreviation 0.5, typo ≤ 0.8 by typoDistance), averaged
 * weighted by query-word length, × 0.95, × 0.85–1 by how much of the candidate was matched — and
 * (b) a typo-tolerant comparison of the space-less forms (≤ 0.75). 0 means no evidence at all.
 */
export function scoreMatch(query: string | SearchText, candidate: string | SearchText): number {
  const q = toSearchText(query);
  const c = toSearchText(candidate);
  if (q.folded === '' || c.folded === '') return 0;
  if (q.folded === c.folded) return 1;
  if (q.compact === c.compact) return S_COMPACT_EXACT;
  if (c.folded.startsWith(q.folded)) return S_PREFIX + 0.06 * (q.folded.length / c.folded.length);
  if (c.compact.startsWith(q.compact)) return S_PREFIX - 0.01 + 0.06 * (q.compact.length / c.compact.length);

  const cWords = c.words;
  const credit = new Uint8Array(cWords.length);
  let weighted = 0;
  let weights = 0;
  const nq = Math.min(q.words.length, MAX_QUERY_WORDS);
  for (let i = 0; i < nq; i++) {
    const qw = q.words[i]!;
    const numeric = HAS_ASCII_DIGIT.test(qw);
    let s = 0;
    let at = -1;
    let joined = false;
    for (let j = 0; j < cWords.length && s < 1; j++) {
      const ws = wordScore(qw, cWords[j]!, numeric);
      if (ws > s) {
        s = ws;
        at = j;
      }
    }
    // A compound typed as one word that the candidate writes as two ("idkort" vs "id-kort").
    if (s < W_PREFIX && qw.length >= 4) {
      for (let j = 0; j + 1 < cWords.length; j++) {
        const ws = W_JOINED * wordScore(qw, cWords[j]! + cWords[j + 1]!, numeric);
        if (ws > s) {
          s = ws;
          at = j;
          joined = true;
        }
      }
    }
    weighted += qw.length * s;
    weights += qw.length;
    // Coverage records which candidate words some query word accounted for; how well they matched
    // is already in the average, so counting quality twice would punish a typo twice.
    if (at >= 0) {
      credit[at] = 1;
      if (joined) credit[at + 1] = 1;
    }
  }
  let best = 0;
  if (weights > 0 && weighted > 0) {
    let covered = 0;
    let total = 0;
    for (let j = 0; j < cWords.length; j++) {
      covered += cWords[j]!.length * credit[j]!;
      total += cWords[j]!.length;
    }
    const coverage = total > 0 ? covered / total : 0;
    best = S_WORDS * (weighted / weights) * (0.85 + 0.15 * coverage);
  }

  // Spacing differs as well as letters ("forsikrings kasan"): compare the space-less forms. The
  // prefix form is scaled by how much of the candidate it covers, like the word route.
  const ql = q.compact.length;
  if (
    (q.words.length > 1 || cWords.length > 1) &&
    ql <= MAX_COMPACT_FUZZY &&
    !HAS_ASCII_DIGIT.test(q.compact)
  ) {
    const budget = typoBudget(ql);
    if (budget > 0) {
      const d = editDistance(q.compact, c.compact, budget, true);
      if (d <= budget + EPS) best = Math.max(best, S_COMPACT_FUZZY * (1 - d / Math.max(ql, c.compact.length)));
      const pd = lastPrefixDistance;
      if (pd <= budget + EPS) {
        const coverage = Math.min(1, ql / c.compact.length);
        best = Math.max(best, S_COMPACT_FUZZY_PREFIX * (1 - pd / ql) * (0.85 + 0.15 * coverage));
      }
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Collation and ranking
// ---------------------------------------------------------------------------------------------

/** Shared Swedish collator: å, ä, ö sort after z; base sensitivity ignores case ("Åre" = "åre"). */
export const svCollator = new Intl.Collator('sv', { sensitivity: 'base' });

export function compareSv(a: string, b: string): number {
  return svCollator.compare(a, b);
}

export interface RankedMatch<T> {
  readonly item: T;
  readonly score: number;
}

/**
 * Scores items against a query and sorts them: score descending, Swedish collation of the item's
 * text on ties. Items scoring 0 or below minScore are dropped. Scores are compared at 1e-6 so that
 * float noise does not override the alphabetical tie-break.
 */
export function rankMatches<T>(
  query: string,
  items: readonly T[],
  textOf: (item: T) => string,
  minScore = 0,
): RankedMatch<T>[] {
  const q = prepareSearchText(query);
  const scored: { item: T; score: number; text: string }[] = [];
  for (const item of items) {
    const text = textOf(item);
    const score = scoreMatch(q, text);
    if (score > 0 && score >= minScore) scored.push({ item, score, text });
  }
  scored.sort((x, y) => {
    const dx = Math.round(y.score * 1e6) - Math.round(x.score * 1e6);
    return dx !== 0 ? dx : compareSv(x.text, y.text);
  });
  return scored.map(({ item, score }) => ({ item, score }));
}
