// The visit flow's text messages in the visitor's language, Swedish when the language has none. Short on
// purpose: one SMS part each. Outside Swedish and English they reuse the ticket page's own translations
// ("You are next.", "Your turn!"), so the SMS says exactly what the page says.

type Texts = { next: (number: string) => string; called: (number: string, counter: string) => string };

const TEXTS: Record<string, Texts> = {
  sv: { next: (n) => `Samservice: Du är näst på tur (${n}). Gå till väntrummet.`, called: (n, c) => `Din tur nu: ${n} → ${c}` },
  en: { next: (n) => `Samservice: You are next (${n}). Please go to the waiting room.`, called: (n, c) => `Your turn now: ${n} → ${c}` },
  ar: { next: (n) => `Samservice (${n}): أنت التالي في الدور.`, called: (n, c) => `حان دورك! ${n} → ${c}` },
  fa: { next: (n) => `Samservice (${n}): نوبت بعدی از شماست.`, called: (n, c) => `نوبت شماست! ${n} → ${c}` },
  ti: { next: (n) => `Samservice (${n}): ቀጺሉ ተራኹም እዩ።`, called: (n, c) => `ተራኹም በጺሑ! ${n} → ${c}` },
  so: { next: (n) => `Samservice (${n}): Adiga ayaa xiga.`, called: (n, c) => `Waa markaaga! ${n} → ${c}` },
  uk: { next: (n) => `Samservice (${n}): Ви наступні.`, called: (n, c) => `Ваша черга! ${n} → ${c}` },
};

const textsFor = (language: string): Texts => TEXTS[language] ?? TEXTS.sv!;

/** "You are next" for a waiting visitor who is first in their queue's calling order. */
export const nextText = (language: string, number: string) => textsFor(language).next(number);

/** "Your turn now" when the visitor is called to a counter. */
export const calledText = (language: string, number: string, counterName: string) => textsFor(language).called(number, counterName);
