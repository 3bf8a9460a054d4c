import { generateProvince } from '../../modules/province/generate.js';
import { withDatabase } from '../database.js';
import { defineCommand } from '../command.js';
import { PERIOD_PATTERN } from '../../../shared/stats/period.js';

/** A whole number option within bounds, or a usage error naming it. */
function intOption(
  value: string | undefined,
  fallback: number,
  name: string,
  min: number,
  max: number,
  fail: (r: string) => Error,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw fail(`--${name} 须为 ${min}–${max} 的整数 (--${name} must be a whole number from ${min} to ${max})`);
  return n;
}

export const generateProvinceCommand = defineCommand({
  name: 'generate-province',
  usage: 'generate-province [--enterprises 60000] [--months 60] [--end 2026-10] [--seed 16] [--database-url URL]',
  summary:
    '在空的 PostgreSQL 库中生成全省规模的示例数据（同样参数得到同样数据，除最后一月外均已发布）(generate a province-sized fictional dataset into an empty PostgreSQL database; deterministic; all but the last month published)',
  options: {
    enterprises: { type: 'string' },
    months: { type: 'string' },
    end: { type: 'string' },
    seed: { type: 'string' },
    'database-url': { type: 'string' },
  },
  run: async ({ values, io, config, usageError }) => {
    const enterprises = intOption(values.enterprises, 60_000, 'enterprises', 10, 2_000_000, usageError);
    const months = intOption(values.months, 60, 'months', 13, 240, usageError);
    const seed = intOption(values.seed, 16, 'seed', 0, 2 ** 31 - 1, usageError);
    const end = values.end ?? '2026-10';
    if (!PERIOD_PATTERN.test(end)) throw usageError('--end 须为 YYYY-MM (--end must be YYYY-MM)');
    const url = values['database-url'] ?? config().DATABASE_URL;
    if (!url)
      throw usageError('需要 PostgreSQL：给出 --database-url 或 DATABASE_URL (needs PostgreSQL: give --database-url or DATABASE_URL)');
    const report = await withDatabase({ ...config(), DATABASE_URL: url }, { migrate: true }, ({ db }) =>
      generateProvince(db, { enterprises, months, end, seed, log: (line) => io.out(line) }),
    );
    io.out(
      `已生成 ${report.enterprises.toLocaleString('en-US')} 家企业、${report.figureRows.toLocaleString('en-US')} 行月度数据 ${report.from}…${report.to}，` +
        `发布 ${report.publishedMonths} 个月，修订 ${report.revisedRows} 行，用时 ${(report.elapsedMs / 1000).toFixed(1)} s ` +
        `(generated firms, monthly rows, published months, revised rows, elapsed)`,
    );
  },
});
