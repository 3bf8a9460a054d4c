// Helpers of the figures tests: files as statisticians send them (CSV text, xlsx with title rows),
// an upload through the API, and reads of what was stored.
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Session } from '../app.js';
import { postFile } from './enterprises.js';

/** CSV text of rows (first row the header); cells with commas or quotes are quoted. */
export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  const quote = (v: string | number) => {
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** A CSV of 当月 工业总产值 in 元, one row a firm and month (its USCC and name, the period, the value). */
export function monthlyOutputCsv(rows: readonly (readonly [firm: { uscc: string; name: string }, period: string, yuan: number])[]): Buffer {
  const header = ['统一社会信用代码', '企业名称', '期别', '工业总产值(当月,元)'];
  return Buffer.from(csvText([header, ...rows.map(([firm, period, yuan]) => [firm.uscc, firm.name, period, yuan])]));
}

export type ImportQuery = { dryRun?: boolean; acceptWarnings?: boolean; period?: string; unit?: string };

/** POST /api/figures/import with the file as a browser sends it. */
export async function postImport(
  app: FastifyInstance,
  session: Session,
  data: Buffer,
  options: ImportQuery & { fileName?: string; locale?: string; progress?: boolean; job?: boolean } = {},
) {
  const query = new URLSearchParams();
  if (options.dryRun) query.set('dryRun', 'true');
  if (options.acceptWarnings) query.set('acceptWarnings', 'true');
  if (options.period) query.set('period', options.period);
  if (options.unit) query.set('unit', options.unit);
  if (options.progress) query.set('progress', 'true');
  if (options.job) query.set('job', 'true');
  return postFile(app, session, `/api/figures/import?${query.toString()}`, options.fileName ?? 'figures.csv', data, options.locale);
}

/** PUT /api/figures/:uscc/:period: one month's 工业总产值 (当月, 元) entered in the form, as `session`. */
export async function putGrossOutput(app: FastifyInstance, session: Session, uscc: string, period: string, yuan: number) {
  return app.inject({
    method: 'PUT',
    url: `/api/figures/${uscc}/${period}`,
    headers: session.headers,
    payload: { unit: '元', values: { grossOutput: String(yuan) } },
  });
}

export type StoredFigureRow = {
  period: string;
  gross_output: number | null;
  revenue: number | null;
  profit: number | null;
  taxes: number | null;
  electricity_kwh: number | null;
  employees: number | null;
  prev_year_gross_output: number | null;
  source: string;
};

/** The firm's stored months, by period. */
export async function storedMonths(db: Db, uscc: string): Promise<StoredFigureRow[]> {
  const result = await db.execute<StoredFigureRow>(sql`
    SELECT period, gross_output, revenue, profit, taxes, electricity_kwh, employees, prev_year_gross_output, source
      FROM monthly_figures WHERE uscc = ${uscc} ORDER BY period`);
  return result.rows;
}

export async function countOf(
  db: Db,
  table: 'monthly_figures' | 'monthly_figure_revisions' | 'monthly_figure_marks',
  uscc?: string,
): Promise<number> {
  const where = uscc === undefined ? sql`` : sql` WHERE uscc = ${uscc}`;
  const result = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}${where}`);
  return result.rows[0]?.n ?? -1;
}

/** Writes months directly (test setup: a firm's history), as the demo seeding does. */
export async function insertMonths(
  db: Db,
  uscc: string,
  months: Record<string, { grossOutput?: number; revenue?: number; profit?: number }>,
): Promise<void> {
  for (const [period, v] of Object.entries(months)) {
    await db.execute(sql`
      INSERT INTO monthly_figures (uscc, period, gross_output, revenue, profit, source)
      VALUES (${uscc}, ${period}, ${v.grossOutput ?? null}, ${v.revenue ?? null}, ${v.profit ?? null}, 'demo')`);
  }
}
