// Clock times of a Mötesplats day. The API speaks "HH:MM" on Swedish wall clocks; comparing needs minutes.
export const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function toDayTime(minutes: number): string {
  const m = Math.max(0, Math.min(1439, Math.round(minutes)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Today's date and the minute of the day in Stockholm, wherever the computer is. */
export function stockholmNow(now = new Date()): { date: string; minute: number } {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** The minute of `date` it is now: −1 before the day, 1440 after it (so every arrival has passed). */
export function minuteOfDay(date: string, now = new Date()): number {
  const here = stockholmNow(now);
  if (here.date === date) return here.minute;
  return here.date < date ? -1 : 1440;
}

/** Whether a YYYY-MM-DD string is a real calendar date. */
export function isIsoDate(value: string | null): value is string {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
