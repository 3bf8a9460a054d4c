// The working-day calendar's years: the dataset's, and those the admin enters from the State
// Council's notice (a year the dataset lacks, or a correction). Entered years are loaded into
// server/lib/calendar.ts at start and after every change, so deadlines stay synchronous to compute.
import type { CalendarYearItem, CalendarYearResponse, PutCalendarYearRequest } from '../../../shared/contracts/calendar.js';
import type { Db } from '../../db/client.js';
import { CALENDAR_DATASET, datasetDaysOf, datasetYears, setEnteredCalendar } from '../../lib/calendar.js';
import { AppError } from '../../lib/errors.js';
import { canAdminister, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { daysOfNotice, noticeOfDays } from './calendar.entry.js';
import { deleteEnteredYear, replaceEnteredYear, selectEnteredDays, selectEnteredYears, type EnteredYearRow } from './calendar.queries.js';

/**
 * Loads the entered years into the calendar. At start, after each change here, and hourly (main.ts):
 * a second instance on the same database sees another's change at its next hourly reload.
 */
export async function loadEnteredCalendar(db: Db): Promise<void> {
  const [years, days] = await Promise.all([selectEnteredYears(db), selectEnteredDays(db)]);
  setEnteredCalendar(
    years.map((y) => y.year),
    days,
  );
}

function enteredItem(row: EnteredYearRow): CalendarYearItem {
  return { year: row.year, source: 'entered', notice: row.notice, enteredBy: row.enteredByName, enteredAt: row.enteredAt };
}

const datasetItem = (year: number): CalendarYearItem => ({
  year,
  source: 'dataset',
  notice: CALENDAR_DATASET,
  enteredBy: null,
  enteredAt: null,
});

/** `GET /api/calendar/years`: every year the calendar holds, newest first, with where it comes from. */
export async function listCalendarYears(db: Db): Promise<{ items: CalendarYearItem[] }> {
  const entered = new Map((await selectEnteredYears(db)).map((row) => [row.year, enteredItem(row)]));
  const years = new Set([...datasetYears(), ...entered.keys()]);
  const items = [...years].sort((a, b) => b - a).map((year) => entered.get(year) ?? datasetItem(year));
  return { items };
}

/** `GET /api/calendar/years/:year`: the year's holidays (as ranges) and make-up days; 404 when the calendar lacks it. */
export async function getCalendarYear(db: Db, year: number): Promise<CalendarYearResponse> {
  const row = (await selectEnteredYears(db)).find((y) => y.year === year);
  if (row) return { ...enteredItem(row), ...noticeOfDays(await selectEnteredDays(db, year)) };
  if (datasetYears().includes(year)) return { ...datasetItem(year), ...noticeOfDays(datasetDaysOf(year)) };
  throw new AppError('not_found', { messageKey: 'calendar.error.yearNotEntered', params: { year } });
}

/** `PUT /api/calendar/years/:year` (admin): enters or replaces a year's notice; the year counts as complete. Audited. */
export async function putCalendarYear(db: Db, actor: Actor, year: number, input: PutCalendarYearRequest): Promise<CalendarYearResponse> {
  requireAccess(canAdminister(actor));
  const days = daysOfNotice(year, input);
  await db.transaction(async (tx) => {
    const before = (await selectEnteredYears(tx)).find((y) => y.year === year);
    const beforeDays = before ? noticeOfDays(await selectEnteredDays(tx, year)) : null;
    await replaceEnteredYear(
      tx,
      { year, notice: input.notice, enteredBy: actor.system ? null : actor.id, enteredByName: actor.displayName },
      days,
    );
    await recordAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entity: 'calendar_year',
      entityId: String(year),
      before: before ? { notice: before.notice, ...beforeDays } : null,
      after: { notice: input.notice, ...noticeOfDays(days) },
    });
  });
  await loadEnteredCalendar(db);
  return getCalendarYear(db, year);
}

/** `DELETE /api/calendar/years/:year` (admin): removes an entered year (the dataset's, if any, applies again). Audited. */
export async function deleteCalendarYear(db: Db, actor: Actor, year: number): Promise<{ ok: true }> {
  requireAccess(canAdminister(actor));
  await db.transaction(async (tx) => {
    const before = (await selectEnteredYears(tx)).find((y) => y.year === year);
    if (!before || !(await deleteEnteredYear(tx, year))) {
      throw new AppError('not_found', { messageKey: 'calendar.error.yearNotEntered', params: { year } });
    }
    await recordAudit(tx, actor, { action: 'delete', entity: 'calendar_year', entityId: String(year), before: { notice: before.notice } });
  });
  await loadEnteredCalendar(db);
  return { ok: true };
}
