// A year's notice as the admin enters it (holiday ranges and make-up days) checked and turned into
// days, and days turned back into ranges. Rules: every day inside the year; a range runs forward
// and at most 15 days; no day twice; a make-up working day is a Saturday or Sunday (that is what
// 调休 means) and is not also a holiday; a holiday range holds at least one weekday (a range of
// weekend days only changes nothing, so it is a mistake). Holidays themselves may fall on any day:
// the notice's spans include the weekends inside them.
import type { HolidayRange, MakeUpDay, PutCalendarYearRequest } from '../../../shared/contracts/calendar.js';
import type { MessageKey } from '../../../shared/i18n/index.js';
import { AppError } from '../../lib/errors.js';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 15;

export type EntryDay = { day: string; kind: 'holiday' | 'workday'; name: string };
type Problem = { path: string; messageKey: MessageKey; params: Record<string, string | number> };

const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** The days of a year's notice, or 400 with every problem (path and message) at once. */
export function daysOfNotice(year: number, input: PutCalendarYearRequest): EntryDay[] {
  const problems: Problem[] = [];
  const byDay = new Map<string, EntryDay>();
  const prefix = `${year}-`;
  const add = (entry: EntryDay, path: string) => {
    const known = byDay.get(entry.day);
    if (known) {
      const messageKey = known.kind === entry.kind ? 'calendar.error.duplicateDay' : 'calendar.error.holidayAndWorkday';
      problems.push({ path, messageKey, params: { date: entry.day } });
    } else byDay.set(entry.day, entry);
  };
  input.holidays.forEach((range: HolidayRange, i) => {
    const path = `body.holidays.${i}`;
    if (!range.from.startsWith(prefix) || !range.to.startsWith(prefix)) {
      problems.push({
        path,
        messageKey: 'calendar.error.outsideYear',
        params: { date: range.from.startsWith(prefix) ? range.to : range.from, year },
      });
      return;
    }
    if (range.from > range.to)
      return problems.push({ path, messageKey: 'calendar.error.rangeReversed', params: { from: range.from, to: range.to } });
    const days: string[] = [];
    for (let day = range.from; day <= range.to && days.length <= MAX_RANGE_DAYS; day = nextDay(day)) days.push(day);
    if (days.length > MAX_RANGE_DAYS)
      return problems.push({ path, messageKey: 'calendar.error.rangeTooLong', params: { max: MAX_RANGE_DAYS } });
    if (days.every(isWeekend))
      return problems.push({ path, messageKey: 'calendar.error.holidayOnlyWeekend', params: { name: range.name } });
    for (const day of days) add({ day, kind: 'holiday', name: range.name }, path);
  });
  input.workdays.forEach((workday: MakeUpDay, i) => {
    const path = `body.workdays.${i}`;
    if (!workday.date.startsWith(prefix))
      return problems.push({ path, messageKey: 'calendar.error.outsideYear', params: { date: workday.date, year } });
    if (!isWeekend(workday.date))
      return problems.push({ path, messageKey: 'calendar.error.workdayNotWeekend', params: { date: workday.date } });
    add({ day: workday.date, kind: 'workday', name: workday.name }, path);
  });
  if (problems.length > 0) {
    const [first] = problems;
    throw new AppError('validation_failed', {
      messageKey: first?.messageKey,
      params: first?.params,
      details: problems.map((p) => ({ path: p.path, message: p.messageKey, params: p.params })),
    });
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** Days back into the notice's shape: consecutive holidays of one name as one range; make-up days one by one. */
export function noticeOfDays(days: readonly EntryDay[]): { holidays: HolidayRange[]; workdays: MakeUpDay[] } {
  const holidays: HolidayRange[] = [];
  const workdays: MakeUpDay[] = [];
  for (const d of [...days].sort((a, b) => a.day.localeCompare(b.day))) {
    if (d.kind === 'workday') {
      workdays.push({ name: d.name, date: d.day });
      continue;
    }
    const last = holidays.at(-1);
    if (last && last.name === d.name && nextDay(last.to) === d.day) last.to = d.day;
    else holidays.push({ name: d.name, from: d.day, to: d.day });
  }
  return { holidays, workdays };
}
