// Derived months (当月 = 本年累计 − the year's earlier months): warning when a revision of an earlier
// month makes one stale, and re-deriving on the user's confirmation — an explicit action, each month
// a revision and an audit entry. The reported 累计 is the fact; the earlier months as stored now are
// what it is read against.
import type { RederiveResponse, StaleDerivedItem } from '../../../shared/contracts/figures.js';
import type { Db } from '../../db/client.js';
import { requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { planWrites } from './figures.changes.js';
import { selectStaleDerived, YTD_MEASURES, type StaleDerivedRow } from './figures.derived.queries.js';
import { canViewFirmFigures, canWriteFirmFigures, entrySourceOf } from './figures.policy.js';
import type { FirmFacts } from './figures.queries.js';
import { loadStored } from './figures.stored.js';
import { applyWrites } from './figures.writes.js';

function present(row: StaleDerivedRow): StaleDerivedItem | null {
  const field = YTD_MEASURES.find((m) => m.measure === row.measure)?.field;
  if (field === undefined) return null;
  const rederived = row.ytd - row.before;
  return {
    uscc: row.uscc,
    period: row.period,
    field,
    ytd: row.ytd,
    previousMonths: row.before,
    stored: row.stored,
    rederived,
    canRederive: rederived >= 0 || field === 'profit',
  };
}

/** The stale derived months of some firms (no access check: callers have made theirs). */
export async function staleDerivedOf(db: Db, usccs: readonly string[]): Promise<StaleDerivedItem[]> {
  return (await selectStaleDerived(db, usccs)).flatMap((row) => present(row) ?? []);
}

/** A firm's stale derived months, for whoever may see its figures. */
export async function listStaleDerived(db: Db, actor: Actor, firm: FirmFacts): Promise<StaleDerivedItem[]> {
  requireAccess(canViewFirmFigures(actor, firm));
  return staleDerivedOf(db, [firm.uscc]);
}

/** Months of a year a re-derivation may touch: each fixed month can change the next derived one. */
const MAX_ROUNDS = 24;

/**
 * Re-derives a firm's stale derived months (those that can be: a negative 当月 is left for a
 * correction of the earlier month), earliest first and again until none is stale, all in one
 * transaction: each month a revision (source manual, or enterprise for its own account) and an audit entry `rederive` with the 累计,
 * the earlier months' sum, before and after.
 */
export async function rederiveFirm(db: Db, actor: Actor, firm: FirmFacts): Promise<RederiveResponse> {
  requireAccess(canWriteFirmFigures(actor, firm));
  const rederived: RederiveResponse['rederived'] = [];
  await db.transaction(async (tx) => {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const stale = (await staleDerivedOf(tx, [firm.uscc])).filter((s) => s.canRederive);
      const first = stale[0];
      if (!first) break;
      const month = stale.filter((s) => s.period === first.period);
      const year = Number(first.period.slice(0, 4));
      const { stored, marks } = await loadStored(tx, [firm.uscc], `${year - 1}-01`, `${year}-12`);
      const values = Object.fromEntries(month.map((s) => [s.field, s.rederived]));
      const ytd = Object.fromEntries(month.map((s) => [s.field, s.ytd]));
      const { writes } = planWrites(
        [{ uscc: firm.uscc, period: first.period, row: null, values, sources: {}, combined: null, ytd }],
        stored,
        marks,
        { replace: false },
      );
      await applyWrites(tx, actor, writes, entrySourceOf(actor));
      for (const s of month) rederived.push({ period: s.period, field: s.field, before: s.stored, after: s.rederived });
      await recordAudit(tx, actor, {
        action: 'rederive',
        entity: 'monthly_figure',
        entityId: `${firm.uscc}:${first.period}`,
        before: Object.fromEntries(month.map((s) => [s.field, s.stored])),
        after: { values, ytd: Object.fromEntries(month.map((s) => [s.field, { ytd: s.ytd, previousMonths: s.previousMonths }])) },
      });
    }
  });
  return { uscc: firm.uscc, rederived, items: await staleDerivedOf(db, [firm.uscc]) };
}
