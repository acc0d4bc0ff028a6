// What the visitor receives on booking, change, cancellation and the day before, by email and SMS, in
// the booking's language: Swedish and English written here; other languages fall back to Swedish until
// reviewed translations exist. Times are Swedish local time.

export type MessageKind = 'booked' | 'rescheduled' | 'cancelled' | 'reminder';

export interface MessageFacts {
  code: string;
  serviceNameSv: string;
  serviceNameEn: string;
  place: string;
  start: Date;
  channel: 'in_person' | 'video';
  manageUrl: string;
}

const formatters = {
  sv: {
    date: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    time: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  },
  en: {
    date: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    time: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  },
};

interface Texts { subject: string; lead: string; video: string; code: string; manage: string }

function sv(kind: MessageKind, f: MessageFacts): Texts {
  const when = `${formatters.sv.date.format(f.start)} kl. ${formatters.sv.time.format(f.start)}`;
  const lead = {
    booked: `Din tid för ${f.serviceNameSv} är bokad ${when} på ${f.place}.`,
    rescheduled: `Din tid för ${f.serviceNameSv} är ändrad till ${when} på ${f.place}.`,
    cancelled: `Din tid för ${f.serviceNameSv} ${when} på ${f.place} är avbokad.`,
    reminder: `Påminnelse: du har en tid för ${f.serviceNameSv} ${when} på ${f.place}.`,
  }[kind];
  const subject = { booked: 'Din bokning', rescheduled: 'Din bokning är ändrad', cancelled: 'Din bokning är avbokad', reminder: 'Påminnelse om din bokade tid' }[kind];
  return {
    subject: `Samservice: ${subject} (${f.code})`, lead,
    video: 'Mötet sker via video i ett rum på kontoret. Kom några minuter innan, så visar vi dig till videorummet.',
    code: `Bokningskod: ${f.code}. Visa koden i kiosken när du kommer.`,
    manage: `Ändra eller avboka: ${f.manageUrl}`,
  };
}

function en(kind: MessageKind, f: MessageFacts): Texts {
  const when = `${formatters.en.date.format(f.start)} at ${formatters.en.time.format(f.start)} (Swedish time)`;
  const lead = {
    booked: `Your appointment for ${f.serviceNameEn} is booked for ${when} at ${f.place}.`,
    rescheduled: `Your appointment for ${f.serviceNameEn} has been moved to ${when} at ${f.place}.`,
    cancelled: `Your appointment for ${f.serviceNameEn} on ${when} at ${f.place} is cancelled.`,
    reminder: `Reminder: you have an appointment for ${f.serviceNameEn} on ${when} at ${f.place}.`,
  }[kind];
  const subject = { booked: 'Your booking', rescheduled: 'Your booking has changed', cancelled: 'Your booking is cancelled', reminder: 'Reminder of your appointment' }[kind];
  return {
    subject: `Samservice: ${subject} (${f.code})`, lead,
    video: 'The meeting is by video in a room at the office. Come a few minutes early and we will show you to the video room.',
    code: `Booking code: ${f.code}. Show the code at the kiosk when you arrive.`,
    manage: `Change or cancel: ${f.manageUrl}`,
  };
}

const textsFor = (language: string, kind: MessageKind, f: MessageFacts) => (language === 'en' ? en(kind, f) : sv(kind, f));

export function bookingEmail(language: string, kind: MessageKind, f: MessageFacts): { subject: string; text: string } {
  const t = textsFor(language, kind, f);
  const body = [t.lead];
  if (kind !== 'cancelled') {
    if (f.channel === 'video') body.push(t.video);
    body.push(t.code, t.manage);
  }
  return { subject: t.subject, text: `${body.join('\n\n')}\n\nSamservice\n` };
}

export function bookingSms(language: string, kind: MessageKind, f: MessageFacts): string {
  const t = textsFor(language, kind, f);
  return kind === 'cancelled' ? `Samservice: ${t.lead}` : `Samservice: ${t.lead} ${t.code} ${t.manage}`;
}
