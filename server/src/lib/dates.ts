// Calendar dates as YYYY-MM-DD strings, and Swedish local time. Offices live on Swedish dates, so
// these avoid the server's own time zone entirely.

const TIME_ZONE = 'Europe/Stockholm';

// Building an Intl.DateTimeFormat costs far more than formatting with one (it loads time-zone data), and
// these run on every ticket and call: build each formatter once.
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const TIME_FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const OFFSET_FORMAT = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

/** ISO weekday (1 = Monday) of a YYYY-MM-DD calendar date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The calendar date in Sweden at an instant (our offices live on Swedish dates, not UTC ones). */
export function stockholmDate(at: Date): string {
  const parts = DATE_FORMAT.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** UTC offset of Swedish time during the day of `date`, e.g. "+02:00" in summer. */
export function stockholmOffset(date: string): string {
  // Noon UTC is daytime in Sweden on every date, and DST switches happen at night.
  const name = OFFSET_FORMAT
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name.replace('GMT', '');
  return offset === '' ? '+00:00' : offset;
}

/** The wall-clock time in Sweden at an instant, as HH:MM. */
export function stockholmTime(at: Date): string {
  return TIME_FORMAT.format(at);
}
