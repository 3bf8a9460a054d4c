// 目标跟踪: a chain's yearly output target against the YTD output of a published month, the completion
// rate, and a year-end projection from last year's monthly profile:
//   share      = last year's Jan–month output ÷ last year's full-year output (the chain's firms of last
//                year's 名录, each once, as published in that month's and December's snapshots);
//   projection = this year's YTD ÷ share (the year keeps last year's shape);
// null when last year's month or December is unpublished or last year had no output.
import type { TargetTracking } from '../../../shared/contracts/chain-map.js';
import { parsePeriod } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { publishedChainFirmFigures, resolvePublishedMonth } from '../monitoring/monitoring.firms.js';
import { selectChainTarget } from './chains.queries.js';

/** The chain's published YTD output of a month (each firm once), or null when the month is unpublished. */
async function publishedOutput(db: Db, code: string, period: string): Promise<number | null> {
  try {
    const month = await resolvePublishedMonth(db, period);
    return (await publishedChainFirmFigures(db, month, [code])).reduce((sum, firm) => sum + firm.output, 0);
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') return null;
    throw error;
  }
}

/** The share of a year's output made by the end of `month`, from its two totals. */
export function profileShare(ytd: number | null, fullYear: number | null): number | null {
  if (ytd === null || fullYear === null || fullYear <= 0 || ytd <= 0) return null;
  return ytd / fullYear;
}

/** The tracking of the chain's target for the year of `period` (rules above). */
export async function trackTarget(db: Db, code: string, period: string, ytd: number): Promise<TargetTracking> {
  const { year, month } = parsePeriod(period);
  const target = (await selectChainTarget(db, code, year))?.outputTargetYuan ?? null;
  const mm = String(month).padStart(2, '0');
  const share = profileShare(await publishedOutput(db, code, `${year - 1}-${mm}`), await publishedOutput(db, code, `${year - 1}-12`));
  const projection = share === null ? null : Math.round(ytd / share);
  const rate = (value: number | null) => (value === null || target === null || target <= 0 ? null : value / target);
  return {
    year,
    outputTarget: target,
    ytd,
    completion: rate(ytd),
    lastYearShare: share,
    projection,
    projectedCompletion: rate(projection),
  };
}
