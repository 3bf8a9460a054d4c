// SQL of the years the admin entered into the working-day calendar.
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { calendarDays, calendarYears } from '../../db/schema.js';
import { isoSql, parseRows } from '../../db/sql.js';

const yearRow = z.object({
  year: z.number(),
  notice: z.string(),
  enteredBy: z.string().nullable(),
  enteredByName: z.string(),
  enteredAt: z.string(),
});
export type EnteredYearRow = z.infer<typeof yearRow>;

/** Every entered year, oldest first. */
export async function selectEnteredYears(db: Db): Promise<EnteredYearRow[]> {
  const result = await db.execute(sql`
    SELECT year, notice, entered_by::text AS "enteredBy", entered_by_name AS "enteredByName", ${isoSql('entered_at')} AS "enteredAt"
    FROM calendar_years ORDER BY year`);
  return parseRows(result, yearRow);
}

export type EnteredDayRow = { day: string; year: number; kind: 'holiday' | 'workday'; name: string };

/** The entered days (of one year, or of all), in date order. */
export async function selectEnteredDays(db: Db, year?: number): Promise<EnteredDayRow[]> {
  const rows = await db
    .select()
    .from(calendarDays)
    .where(year === undefined ? undefined : eq(calendarDays.year, year))
    .orderBy(asc(calendarDays.day));
  return rows.map((r) => ({ ...r, kind: r.kind === 'workday' ? 'workday' : 'holiday' }));
}

/** Replaces a year's notice and days (the days of the year before are deleted first). */
export async function replaceEnteredYear(
  db: Db,
  year: { year: number; notice: string; enteredBy: string | null; enteredByName: string },
  days: readonly Omit<EnteredDayRow, 'year'>[],
): Promise<void> {
  await db.delete(calendarDays).where(eq(calendarDays.year, year.year));
  await db
    .insert(calendarYears)
    .values(year)
    .onConflictDoUpdate({
      target: calendarYears.year,
      set: { notice: year.notice, enteredBy: year.enteredBy, enteredByName: year.enteredByName, enteredAt: sql`now()` },
    });
  if (days.length > 0) await db.insert(calendarDays).values(days.map((d) => ({ ...d, year: year.year })));
}

/** Deletes an entered year with its days; whether there was one. */
export async function deleteEnteredYear(db: Db, year: number): Promise<boolean> {
  const deleted = await db.delete(calendarYears).where(eq(calendarYears.year, year)).returning({ year: calendarYears.year });
  return deleted.length > 0;
}
