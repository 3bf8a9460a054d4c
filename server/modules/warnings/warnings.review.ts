// Review items of a month: the 预警 that must be settled before the month is published (a suspected
// unit slip, a swing above the thresholds), found city-wide with the warnings' own rules and kept
// as dispositions (未处理 until someone confirms or corrects them).
import { parsePeriod } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import { NO_FILTER } from '../monitoring/monitoring.sql.js';
import { insertDetectedItems } from './dispositions.queries.js';
import { selectOutputDrops, selectUnitSlips } from './warnings.queries.js';
import { shiftPeriod } from '../../../shared/stats/period.js';
import { dropSteps } from './warnings.service.js';
import { readWarningSettings } from './warnings.settings.js';

/**
 * Finds the month's suspects city-wide and records the new ones as 未处理 (items found before keep
 * their disposition). Runs when a month goes to review, before publishing, and after figures of a
 * month in review are written. Returns how many were new.
 */
export async function detectReviewItems(db: Db, period: string): Promise<number> {
  const settings = await readWarningSettings(db);
  const { year } = parsePeriod(period);
  const scope = { year, period, filter: NO_FILTER, q: null };
  const steps = dropSteps(period, settings.dropMonths);
  const drops = await selectOutputDrops(db, { ...scope, steps: steps.map((s) => s.range), threshold: settings.dropThreshold });
  const slips = await selectUnitSlips(db, { ...scope, trailingFrom: shiftPeriod(period, -12), factor: settings.unitSlipFactor });
  return insertDetectedItems(db, period, [
    ...slips.map((r) => ({
      uscc: r.uscc,
      kind: 'unit_slip',
      detail: { output: r.output, median: Math.round(r.median), medianMonths: r.medianMonths, ratio: r.output / r.median },
    })),
    ...drops.map((r) => ({
      uscc: r.uscc,
      kind: 'output_drop',
      detail: { months: r.steps.map((s, i) => ({ label: steps[i]?.label ?? '', output: s.output, outputPrevYear: s.base })) },
    })),
  ]);
}
