// An office's day-by-day calendar: regular weekly hours, overridden by date exceptions, and closed
// on Swedish non-working days (public holidays plus Midsommarafton, Julafton, Nyårsafton).
import { addDays, isoWeekday } from '../../lib/dates.ts';
import type { AgencyDays, DateException, OfficeDay, OpeningHours } from '../../../../contracts/registry.ts';

export interface HolidayInfo {
  nameSv: string;
  nameEn: string;
  nonWorkingDay: boolean;
}

export function officeCalendar(
  office: { openingHours: OpeningHours[]; dateExceptions: DateException[]; agencyDays: AgencyDays[] },
  holidays: Map<string, HolidayInfo>,
  from: string,
  days: number,
): OfficeDay[] {
  const exceptions = new Map(office.dateExceptions.map((e) => [e.date, e]));
  const out: OfficeDay[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i);
    const weekday = isoWeekday(date);
    const holiday = holidays.get(date);
    const exception = exceptions.get(date);
    let intervals = office.openingHours
      .filter((h) => h.weekday === weekday)
      .map((h) => ({ opens: h.opens, closes: h.closes }))
      .sort((a, b) => a.opens.localeCompare(b.opens));
    if (holiday?.nonWorkingDay) intervals = [];
    // A date exception is the office's own decision and wins over the holiday rule.
    if (exception) intervals = exception.closed || !exception.opens || !exception.closes ? [] : [{ opens: exception.opens, closes: exception.closes }];
    const open = intervals.length > 0;
    out.push({
      date,
      weekday,
      open,
      intervals,
      holidayNameSv: holiday?.nameSv ?? null,
      holidayNameEn: holiday?.nameEn ?? null,
      exceptionNote: exception?.note ?? null,
      agencyIds: open ? office.agencyDays.filter((a) => a.weekdays.includes(weekday)).map((a) => a.agencyId) : [],
    });
  }
  return out;
}
