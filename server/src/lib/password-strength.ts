// Password strength with zxcvbn-ts: refuses passwords an attacker would try early (common passwords,
// keyboard runs, dates, words built on the person's name or on this service). Server-side only. The
// dictionaries are built at the first check (about half a second), not at boot.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { AppError } from './errors.ts';

/** zxcvbn's 0–4 scale; 3 is "safely unguessable" against an online attack and good against a slow hash offline. */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Swedish words people build passwords on, most common first (zxcvbn ranks words by position). zxcvbn-ts
 * has no Swedish package; its English and common lists catch the rest.
 */
const SWEDISH_WORDS = [
  'lösenord', 'losenord', 'hemligt', 'hemlig', 'sommar', 'vinter', 'våren', 'hösten', 'hejsan', 'hej', 'välkommen',
  'sverige', 'svensk', 'stockholm', 'göteborg', 'malmö', 'uppsala', 'växjö', 'kronoberg', 'fotboll', 'hockey',
  'mamma', 'pappa', 'älskling', 'kärlek', 'katten', 'hunden', 'kalle', 'anka', 'kanelbulle', 'semester',
  'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag', 'januari', 'februari', 'mars', 'april',
  'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december', 'jul', 'midsommar',
  'myndighet', 'kontoret', 'jobbet', 'arbete', 'personal', 'handläggare', 'kommun', 'staten',
];

/** Words of this service and the agencies at its offices that a staff password should not lean on. */
const SITE_WORDS = [
  'samservice', 'servicekontor', 'servicecenter', 'statens servicecenter', 'försäkringskassan', 'skatteverket',
  'pensionsmyndigheten', 'arbetsförmedlingen', 'migrationsverket', 'trafikverket', 'mötesplats',
];

let factory: ZxcvbnFactory | null = null;

/** Without translations zxcvbn answers with stable keys (`userInputs`, `anotherWord`), which clients translate. */
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, 'commonWords-sv': SWEDISH_WORDS },
    graphs: common.adjacencyGraphs,
  });
  return factory;
}

/** The person's username and name, whole and in parts, as zxcvbn user inputs. */
function personWords(person: { username: string; displayName: string }): string[] {
  const whole = [person.username, person.displayName].map((s) => s.trim().toLowerCase()).filter(Boolean);
  const parts = whole.flatMap((s) => s.split(/[\s._-]+/)).filter((p) => p.length >= 3);
  return [...new Set([...whole, ...parts])];
}

export interface PasswordFeedback {
  score: number;
  /** zxcvbn's warning key (`common`, `userInputs`, …) or null. */
  warning: string | null;
  /** zxcvbn's suggestion keys (`anotherWord`, …). */
  suggestions: string[];
}

/** Letters and digits only, lower case: "Karin-Lund" and "karin.lund" both become "karinlund". */
const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * zxcvbn scores any three pieces as at least 10^8 guesses, so "Karin-Lund-7" would pass as strong. A
 * password holding the whole username or the whole name, however separated, is refused outright.
 */
function holdsName(password: string, person: { username: string; displayName: string }): boolean {
  const folded = fold(password);
  return [person.username, person.displayName].map(fold).some((name) => name.length >= 4 && folded.includes(name));
}

export function passwordFeedback(password: string, person: { username: string; displayName: string }): PasswordFeedback {
  const result = zxcvbn().check(password, [...personWords(person), ...SITE_WORDS]);
  if (holdsName(password, person)) return { score: Math.min(result.score, 1), warning: 'userInputs', suggestions: ['anotherWord'] };
  return { score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}

const english = (group: 'warnings' | 'suggestions', key: string): string | undefined =>
  (en.translations[group] as Record<string, string>)[key];

/**
 * Refuses a password below MIN_PASSWORD_SCORE: `validation_failed`, reason `weak_password`, with zxcvbn's
 * feedback as English text in the message and as keys in `details` (the admin pages translate them).
 */
export function assertStrongPassword(password: string, person: { username: string; displayName: string }, field = 'password'): void {
  const feedback = passwordFeedback(password, person);
  if (feedback.score >= MIN_PASSWORD_SCORE) return;
  const advice = [
    feedback.warning ? english('warnings', feedback.warning) : undefined,
    ...feedback.suggestions.map((s) => english('suggestions', s)),
  ].filter((s): s is string => Boolean(s));
  const message = `The password is too easy to guess${advice.length ? `. ${advice.join(' ')}` : ': use a longer one, for example a few unrelated words.'}`;
  throw new AppError('validation_failed', message, { field, reason: 'weak_password', details: { ...feedback } });
}
