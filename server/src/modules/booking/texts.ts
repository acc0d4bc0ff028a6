// What the visitor receives on booking, change, cancellation and the day before, by email and SMS, in
// the booking's language (the seven visitor languages; any other falls back to Swedish). Every message
// carries the booking code, the time on Swedish time (said so outside Swedish), the place and the manage
// link; a cancellation carries the code (in the subject, or first in the SMS) but no link or kiosk hint.
//
// The ar, fa, ti, so and uk texts are drafts awaiting a native speaker's review, like the booking pages'
// own (web/src/i18n/locales/*/booking.json, `_review`). They reuse those pages' words where the pages have
// them ("Booking code:", "Show the code at the ticket kiosk when you arrive.", "Change or cancel",
// "(Swedish time)"), so the messages say what the pages say. Outside English the service keeps its Swedish
// name, as on the pages. The texts are plain: SMS and the plain-text email need no right-to-left markup.
import type { VISITOR_LANGUAGES } from '../../../../contracts/visits.ts';
import { stockholmDate, stockholmTime } from '../../lib/dates.ts';

export type MessageKind = 'booked' | 'rescheduled' | 'cancelled' | 'reminder';
export const MESSAGE_KINDS: readonly MessageKind[] = ['booked', 'rescheduled', 'cancelled', 'reminder'];
export type BookingLanguage = (typeof VISITOR_LANGUAGES)[number];

export interface MessageFacts {
  code: string;
  serviceNameSv: string;
  serviceNameEn: string;
  place: string;
  start: Date;
  channel: 'in_person' | 'video';
  manageUrl: string;
}

/**
 * One language's texts. Placeholders: `when` has {{date}} and {{time}}; `lead` has {{service}}, {{when}}
 * and {{place}}; `subject` and `code` have {{code}}; `manage` has {{url}}.
 */
export interface Catalogue {
  /** Intl locale of the date and time: Gregorian calendar and Latin digits, like the code and the link. */
  locale: string;
  when: string;
  subject: Record<MessageKind, string>;
  lead: Record<MessageKind, string>;
  video: string;
  code: string;
  manage: string;
  /** The calendar file's place for a video meeting: {{place}} (the office's name) with the video room named. */
  videoPlace: string;
}

const gregorianLatn = (lang: string) => `${lang}-u-ca-gregory-nu-latn`;

export const CATALOGUES: Record<BookingLanguage, Catalogue> = {
  sv: {
    locale: 'sv-SE',
    when: '{{date}} kl. {{time}}',
    subject: {
      booked: 'Samservice: Din bokning ({{code}})',
      rescheduled: 'Samservice: Din bokning är ändrad ({{code}})',
      cancelled: 'Samservice: Din bokning är avbokad ({{code}})',
      reminder: 'Samservice: Påminnelse om din bokade tid ({{code}})',
    },
    lead: {
      booked: 'Din tid för {{service}} är bokad {{when}} på {{place}}.',
      rescheduled: 'Din tid för {{service}} är ändrad till {{when}} på {{place}}.',
      cancelled: 'Din tid för {{service}} {{when}} på {{place}} är avbokad.',
      reminder: 'Påminnelse: du har en tid för {{service}} {{when}} på {{place}}.',
    },
    video: 'Mötet sker via video i ett rum på kontoret. Kom några minuter innan, så visar vi dig till videorummet.',
    code: 'Bokningskod: {{code}}. Visa koden i kiosken när du kommer.',
    manage: 'Ändra eller avboka: {{url}}',
    videoPlace: '{{place}} (videorum)',
  },
  en: {
    locale: 'en-GB',
    when: '{{date}} at {{time}} (Swedish time)',
    subject: {
      booked: 'Samservice: Your booking ({{code}})',
      rescheduled: 'Samservice: Your booking has changed ({{code}})',
      cancelled: 'Samservice: Your booking is cancelled ({{code}})',
      reminder: 'Samservice: Reminder of your appointment ({{code}})',
    },
    lead: {
      booked: 'Your appointment for {{service}} is booked for {{when}} at {{place}}.',
      rescheduled: 'Your appointment for {{service}} has been moved to {{when}} at {{place}}.',
      cancelled: 'Your appointment for {{service}} on {{when}} at {{place}} is cancelled.',
      reminder: 'Reminder: you have an appointment for {{service}} on {{when}} at {{place}}.',
    },
    video: 'The meeting is by video in a room at the office. Come a few minutes early and we will show you to the video room.',
    code: 'Booking code: {{code}}. Show the code at the kiosk when you arrive.',
    manage: 'Change or cancel: {{url}}',
    videoPlace: '{{place}} (video room)',
  },
  // Draft translation: needs review by a native speaker.
  ar: {
    locale: gregorianLatn('ar'),
    when: '{{date}} الساعة {{time}} (بتوقيت السويد)',
    subject: {
      booked: 'Samservice: تأكيد حجزك ({{code}})',
      rescheduled: 'Samservice: تم تغيير حجزك ({{code}})',
      cancelled: 'Samservice: تم إلغاء حجزك ({{code}})',
      reminder: 'Samservice: تذكير بموعدك ({{code}})',
    },
    lead: {
      booked: 'تم حجز موعدك لمعاملة {{service}} يوم {{when}} في {{place}}.',
      rescheduled: 'تم تغيير موعدك لمعاملة {{service}} إلى يوم {{when}} في {{place}}.',
      cancelled: 'تم إلغاء موعدك لمعاملة {{service}} يوم {{when}} في {{place}}.',
      reminder: 'تذكير: لديك موعد لمعاملة {{service}} يوم {{when}} في {{place}}.',
    },
    video: 'الاجتماع بالفيديو في غرفة في المكتب. تعال قبل الموعد ببضع دقائق وسنرشدك إلى غرفة الفيديو.',
    code: 'رمز الحجز: {{code}}. أظهر الرمز في جهاز أرقام الانتظار عند وصولك.',
    manage: 'تغيير الموعد أو إلغاؤه: {{url}}',
    videoPlace: '{{place}} (غرفة الفيديو)',
  },
  // Draft translation: needs review by a native speaker.
  fa: {
    locale: gregorianLatn('fa'),
    when: '{{date}} ساعت {{time}} (به وقت سوئد)',
    subject: {
      booked: 'Samservice: رزرو شما ({{code}})',
      rescheduled: 'Samservice: رزرو شما تغییر کرد ({{code}})',
      cancelled: 'Samservice: رزرو شما لغو شد ({{code}})',
      reminder: 'Samservice: یادآوری وقت رزروشده ({{code}})',
    },
    lead: {
      booked: 'وقت شما برای {{service}} رزرو شد: {{when}}، در {{place}}.',
      rescheduled: 'وقت شما برای {{service}} تغییر کرد. وقت تازه: {{when}}، در {{place}}.',
      cancelled: 'وقت شما برای {{service}} در {{when}}، در {{place}}، لغو شد.',
      reminder: 'یادآوری: شما برای {{service}} وقت دارید: {{when}}، در {{place}}.',
    },
    video: 'ملاقات به‌صورت ویدیویی در اتاقی در دفتر انجام می‌شود. چند دقیقه زودتر بیایید تا شما را به اتاق ویدیو راهنمایی کنیم.',
    code: 'کد رزرو: {{code}}. هنگام رسیدن، کد را در دستگاه نوبت‌دهی نشان دهید.',
    manage: 'تغییر یا لغو: {{url}}',
    videoPlace: '{{place}} (اتاق ویدیو)',
  },
  // Draft translation: needs review by a native speaker.
  ti: {
    locale: gregorianLatn('ti'),
    when: '{{date}} ሰዓት {{time}} (ግዜ ሽወደን)',
    subject: {
      booked: 'Samservice: ቆጸራኻ ({{code}})',
      rescheduled: 'Samservice: ቆጸራኻ ተቐይሩ ({{code}})',
      cancelled: 'Samservice: ቆጸራኻ ተሰሪዙ ({{code}})',
      reminder: 'Samservice: መዘኻኸሪ ቆጸራ ({{code}})',
    },
    lead: {
      booked: 'ቆጸራኻ ተታሒዙ፦ {{service}}፣ {{when}}፣ ኣብ {{place}}።',
      rescheduled: 'ቆጸራኻ ተቐይሩ፦ {{service}}፣ ሓድሽ ግዜ {{when}}፣ ኣብ {{place}}።',
      cancelled: 'ቆጸራኻ ተሰሪዙ፦ {{service}}፣ {{when}}፣ ኣብ {{place}}።',
      reminder: 'መዘኻኸሪ፦ ቆጸራ ኣለካ፦ {{service}}፣ {{when}}፣ ኣብ {{place}}።',
    },
    video: 'እቲ ርክብ ብቪድዮ ኣብ ክፍሊ ቤት ጽሕፈት እዩ ዝካየድ። ቁሩብ ደቓይቕ ኣቐዲምካ ምጻእ፣ ናብ ክፍሊ ቪድዮ ክንመርሓካ ኢና።',
    code: 'ኮድ ቆጸራ: {{code}}። ምስ መጻእካ ነቲ ኮድ ኣብ መሽን ቁጽሪ ተራ ኣርኢ።',
    manage: 'ቀይር ወይ ሰርዝ: {{url}}',
    videoPlace: '{{place}} (ክፍሊ ቪድዮ)',
  },
  // Draft translation: needs review by a native speaker.
  so: {
    locale: gregorianLatn('so'),
    when: '{{date}} saacadda {{time}} (waqtiga Iswiidhan)',
    subject: {
      booked: 'Samservice: Ballantaada ({{code}})',
      rescheduled: 'Samservice: Ballantaada waa la beddelay ({{code}})',
      cancelled: 'Samservice: Ballantaada waa la joojiyay ({{code}})',
      reminder: 'Samservice: Xusuusinta ballantaada ({{code}})',
    },
    lead: {
      booked: 'Waqti ayaa laguu qabsaday: {{service}}, {{when}}, goobta {{place}}.',
      rescheduled: 'Ballantaada waa la beddelay: {{service}}, waqtiga cusub {{when}}, goobta {{place}}.',
      cancelled: 'Ballantaada waa la joojiyay: {{service}}, {{when}}, goobta {{place}}.',
      reminder: 'Xusuusin: waxaad leedahay ballan: {{service}}, {{when}}, goobta {{place}}.',
    },
    video: 'Kulanku waa fiidiyow, waxaana laga sameeyaa qol ku yaal xafiiska. Kaalay dhowr daqiiqo ka hor, waxaan ku geyn doonnaa qolka fiidiyowga.',
    code: 'Koodka ballanta: {{code}}. Markaad timaaddo, koodka ku tus mashiinka tigidhada.',
    manage: 'Beddel ama jooji: {{url}}',
    videoPlace: '{{place}} (qolka fiidiyowga)',
  },
  // Draft translation: needs review by a native speaker.
  uk: {
    locale: gregorianLatn('uk'),
    when: '{{date}} о {{time}} (шведський час)',
    subject: {
      booked: 'Samservice: Ваш запис ({{code}})',
      rescheduled: 'Samservice: Ваш запис змінено ({{code}})',
      cancelled: 'Samservice: Ваш запис скасовано ({{code}})',
      reminder: 'Samservice: Нагадування про запис ({{code}})',
    },
    lead: {
      booked: 'Вас записано: {{service}}, {{when}}, {{place}}.',
      rescheduled: 'Ваш запис змінено: {{service}}, новий час — {{when}}, {{place}}.',
      cancelled: 'Ваш запис скасовано: {{service}}, {{when}}, {{place}}.',
      reminder: 'Нагадування: у вас запис — {{service}}, {{when}}, {{place}}.',
    },
    video: 'Зустріч відбудеться по відео в кімнаті офісу. Прийдіть на кілька хвилин раніше, і ми проведемо вас до відеокімнати.',
    code: 'Код запису: {{code}}. Покажіть код у терміналі черги, коли прийдете.',
    manage: 'Змінити або скасувати: {{url}}',
    videoPlace: '{{place}} (відеокімната)',
  },
};

/** Replaces each {{name}} with its value; an unknown name is left as it is (the tests look for any left). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

const isBookingLanguage = (language: string): language is BookingLanguage => Object.hasOwn(CATALOGUES, language);

interface Formatters { date: (d: Date) => string; time: (d: Date) => string }
const formatters = new Map<BookingLanguage, Formatters>();

/**
 * The date in the language on Stockholm's calendar ("tisdag 17 november 2026"), and the time as HH:MM on
 * Stockholm's clock. A Node built without the language's locale data (small ICU) would quietly fall back to
 * English words: then the date is numeric, YYYY-MM-DD, as on the booking pages.
 */
function formattersFor(language: BookingLanguage): Formatters {
  let f = formatters.get(language);
  if (!f) {
    const locale = CATALOGUES[language].locale;
    const words = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0
      ? new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Stockholm', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
      : null;
    f = { date: (d) => words?.format(d) ?? stockholmDate(d), time: stockholmTime };
    formatters.set(language, f);
  }
  return f;
}

interface Texts { subject: string; lead: string; video: string; code: string; manage: string }

function textsFor(language: string, kind: MessageKind, f: MessageFacts): Texts {
  const lang: BookingLanguage = isBookingLanguage(language) ? language : 'sv';
  const c = CATALOGUES[lang];
  const fmt = formattersFor(lang);
  const when = fill(c.when, { date: fmt.date(f.start), time: fmt.time(f.start) });
  const service = lang === 'en' ? f.serviceNameEn : f.serviceNameSv;
  return {
    subject: fill(c.subject[kind], { code: f.code }),
    lead: fill(c.lead[kind], { service, when, place: f.place }),
    video: c.video,
    code: fill(c.code, { code: f.code }),
    manage: fill(c.manage, { url: f.manageUrl }),
  };
}

export function bookingEmail(language: string, kind: MessageKind, f: MessageFacts): { subject: string; text: string } {
  const t = textsFor(language, kind, f);
  const body = [t.lead];
  if (kind !== 'cancelled') {
    if (f.channel === 'video') body.push(t.video);
    body.push(t.code, t.manage);
  }
  return { subject: t.subject, text: `${body.join('\n\n')}\n\nSamservice\n` };
}

/**
 * The calendar file's words (GET /bookings/:code/calendar.ics and the email attachment), in the booking's
 * language like the messages: the summary names the service, the description has the code, the kiosk hint
 * and the manage link.
 */
export function calendarTexts(
  language: string, f: Omit<MessageFacts, 'start' | 'place'> & { officeName: string; address: string },
): { summary: string; location: string; description: string } {
  const lang: BookingLanguage = isBookingLanguage(language) ? language : 'sv';
  const c = CATALOGUES[lang];
  const service = lang === 'en' ? f.serviceNameEn : f.serviceNameSv;
  return {
    summary: `${service} – Samservice`,
    location: `${f.channel === 'video' ? fill(c.videoPlace, { place: f.officeName }) : f.officeName}, ${f.address}`,
    description: `${fill(c.code, { code: f.code })} ${fill(c.manage, { url: f.manageUrl })}`,
  };
}

export function bookingSms(language: string, kind: MessageKind, f: MessageFacts): string {
  const t = textsFor(language, kind, f);
  return kind === 'cancelled' ? `Samservice (${f.code}): ${t.lead}` : `Samservice: ${t.lead} ${t.code} ${t.manage}`;
}
