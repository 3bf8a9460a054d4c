// Issue 9, finding 2: a valid import of 161,438 rows answered 500 "Maximum call stack size exceeded"
// (Math.min(...years), issues.push(...firms.issues): a spread passes every element as an argument).
// 200,000 generated rows go through the import service and must come back as a normal report.
import { expect, it } from 'vitest';
import { useBulkFirmsDatabase } from '../../../test/app.js';
import { bulkUsccs } from '../../../test/factories/enterprises.js';
import { SYSTEM_ACTOR } from '../../access/actor.js';
import { importFigures } from './import.service.js';

const FIRMS = 2_000;
const MONTHS = 100;
const usccs = bulkUsccs(FIRMS, 70_000_000);
const database = useBulkFirmsDatabase(usccs, '大批量测试企业');

/** 2016-01 + k months, as YYYY-MM. */
function period(k: number): string {
  return `${2016 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** A dry-run check of a CSV of `rows` (a header of USCC, period and 工业总产值 in 万元 first), on 15 November 2026. */
function checkCsv(fileName: string, rows: string[]) {
  const lines = ['统一社会信用代码,期别,工业总产值(万元)', ...rows];
  const data = Buffer.from(`${lines.join('\r\n')}\r\n`);
  const now = new Date('2026-11-15T00:00:00Z');
  return importFigures(database.db, SYSTEM_ACTOR, { source: { data }, fileName, dryRun: true, acceptWarnings: false, unit: '万元', now });
}

it('checks a 200,000-row CSV (2,000 firms × 100 months) and reports every row, without a stack overflow', async () => {
  const rows: string[] = [];
  for (const uscc of usccs) for (let k = 0; k < MONTHS; k += 1) rows.push(`${uscc},${period(k)},${(k % 7) + 1}`);
  const outcome = await checkCsv('large.csv', rows);
  expect(outcome.errors).toEqual([]);
  expect(outcome.rows).toBe(200_000);
  expect(outcome.created).toBe(200_000);
  expect(outcome.periods).toHaveLength(100);
  expect(outcome.periods[0]).toBe('2016-01');
  expect(outcome.periods.at(-1)).toBe('2024-04');
}, 300_000);

it('lists 200,000 row errors (unknown codes) as a report, not a crash', async () => {
  const rows = bulkUsccs(200_000, 80_000_000).map((uscc) => `${uscc},2024-06,1`);
  const outcome = await checkCsv('unknown.csv', rows);
  expect(outcome.errors).toHaveLength(200_000);
  expect(outcome.errors.every((e) => e.code === 'unknownUscc')).toBe(true);
}, 300_000);
