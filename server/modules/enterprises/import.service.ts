// The enterprise import, shared by HTTP and the CLI: read the file, check every row, then write
// all of it in one transaction or nothing at all.
import type { ImportReport } from '../../../shared/contracts/enterprises.js';
import type { Locale } from '../../../shared/i18n/index.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { importQueue } from '../../lib/import-queue.js';
import { requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { buildLookups } from './enterprises.lookups.js';
import { canCreateEnterprise } from './enterprises.policy.js';
import {
  replaceScaleYearsAndMemberships,
  selectChainCodes,
  selectMemberships,
  selectNodeRefs,
  selectParkRefs,
  selectRegionRefs,
  type EnterpriseWrite,
} from './enterprises.queries.js';
import { selectEnterpriseStates, upsertEnterprises } from './import.queries.js';
import { readSpreadsheet } from './import.parse.js';
import { checkRows, type ImportRow, type RowError } from './import.rows.js';

/** Largest file the import reads: 20 MB holds far more firms than a city has. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

type Membership = { nodeId: number; chainCode: string; nodeKey: string; isPrimary: boolean };
/** A firm as the import compares it: the row, its 规上 years and its memberships. */
type FirmState = EnterpriseWrite & { aboveScaleYears: number[]; memberships: Membership[] };

/** The report, with row errors in both languages until the caller picks one. */
export type ImportOutcome = Omit<ImportReport, 'errors'> & { errors: RowError[] };

export function localizeReport(outcome: ImportOutcome, locale: Locale): ImportReport {
  return {
    ...outcome,
    errors: outcome.errors.map((e) => ({ row: e.row, column: e.column, value: e.value, reason: locale === 'en' ? e.reasonEn : e.reasonZh })),
  };
}

/** The stored firm with the file's row laid over it; a column missing from the file keeps the stored value. */
function mergeRow(row: ImportRow, stored: FirmState | undefined): FirmState {
  return {
    uscc: row.uscc,
    name: row.name,
    regionCode: row.regionCode,
    parkId: row.parkId !== undefined ? row.parkId : (stored?.parkId ?? null),
    gbt4754Code: row.gbt4754Code !== undefined ? row.gbt4754Code : (stored?.gbt4754Code ?? null),
    isChainMaster: row.isChainMaster ?? stored?.isChainMaster ?? false,
    isSpecialized: row.isSpecialized ?? stored?.isSpecialized ?? false,
    isHighTech: row.isHighTech ?? stored?.isHighTech ?? false,
    isListed: row.isListed ?? stored?.isListed ?? false,
    aboveScaleYears: row.aboveScaleYears ?? stored?.aboveScaleYears ?? [],
    memberships: row.memberships ?? stored?.memberships ?? [],
  };
}

/** A firm's state as one comparable text: equal texts mean the row would change nothing. */
function fingerprint(firm: FirmState): string {
  const memberships = [...firm.memberships].sort((a, b) => a.nodeId - b.nodeId).map((m) => `${m.nodeId}${m.isPrimary ? '*' : ''}`);
  return JSON.stringify([
    firm.name,
    firm.regionCode,
    firm.parkId,
    firm.gbt4754Code,
    firm.isChainMaster,
    firm.isSpecialized,
    firm.isHighTech,
    firm.isListed,
    [...firm.aboveScaleYears].sort((a, b) => a - b),
    memberships,
  ]);
}

/** What the audit log keeps of a firm: readable codes rather than node ids. */
function snapshot(firm: FirmState) {
  const { memberships, ...rest } = firm;
  return { ...rest, memberships: memberships.map((m) => ({ chainCode: m.chainCode, nodeKey: m.nodeKey, isPrimary: m.isPrimary })) };
}

async function loadStoredFirms(db: Db, usccs: string[]): Promise<Map<string, FirmState>> {
  const [states, memberships] = await Promise.all([selectEnterpriseStates(db, usccs), selectMemberships(db, usccs)]);
  const byFirm = new Map<string, Membership[]>();
  for (const m of memberships) {
    const list = byFirm.get(m.uscc) ?? [];
    list.push({ nodeId: m.nodeId, chainCode: m.chainCode, nodeKey: m.nodeKey, isPrimary: m.isPrimary });
    byFirm.set(m.uscc, list);
  }
  return new Map(states.map((s) => [s.uscc, { ...s, memberships: byFirm.get(s.uscc) ?? [] }]));
}

/**
 * Imports an enterprise file (admin only). Every row is checked first; with any error nothing is
 * written and every error is returned. Otherwise new firms are created and changed ones updated in
 * one transaction, each with its own audit entry (before/after), plus one summary entry; rows equal
 * to the stored firm count as unchanged and write nothing, so importing the same file twice is
 * harmless. With `dryRun` the counts are computed and nothing is written.
 */
export async function importEnterprises(
  db: Db,
  actor: Actor,
  input: { data: Buffer; fileName?: string; dryRun: boolean },
): Promise<ImportOutcome> {
  requireAccess(canCreateEnterprise(actor));
  if (input.data.length > IMPORT_MAX_BYTES) {
    throw new AppError('payload_too_large', { messageKey: 'enterprises.import.tooLarge', params: { limitMb: IMPORT_MAX_BYTES / 1024 / 1024 } });
  }
  // One import at a time per server, shared with the monthly figures (server/lib/import-queue.ts).
  return importQueue.run(() => runImport(db, actor, input));
}

async function runImport(db: Db, actor: Actor, input: { data: Buffer; fileName?: string; dryRun: boolean }): Promise<ImportOutcome> {
  const sheet = await readSpreadsheet(input.data);
  const [regions, parks, chains, nodes] = await Promise.all([selectRegionRefs(db), selectParkRefs(db), selectChainCodes(db), selectNodeRefs(db)]);
  const checked = checkRows(sheet, buildLookups({ regions, parks, chains, nodes }));
  const base = {
    dryRun: input.dryRun,
    format: sheet.format,
    encoding: sheet.encoding,
    rows: sheet.rows.length,
    ignoredColumns: checked.ignoredColumns,
  };
  if (checked.errors.length > 0) return { ...base, written: false, created: 0, updated: 0, unchanged: 0, errors: checked.errors };

  const stored = await loadStoredFirms(db, checked.rows.map((r) => r.uscc));
  const created: FirmState[] = [];
  const updated: { before: FirmState; after: FirmState }[] = [];
  for (const row of checked.rows) {
    const before = stored.get(row.uscc);
    const after = mergeRow(row, before);
    if (!before) created.push(after);
    else if (fingerprint(before) !== fingerprint(after)) updated.push({ before, after });
  }
  const counts = { created: created.length, updated: updated.length, unchanged: checked.rows.length - created.length - updated.length };
  const changed = [...created, ...updated.map((u) => u.after)];
  if (input.dryRun || changed.length === 0) return { ...base, written: false, ...counts, errors: [] };

  await db.transaction(async (tx) => {
    await upsertEnterprises(
      tx,
      changed.map(({ aboveScaleYears: _years, memberships: _memberships, ...row }) => row),
    );
    await replaceScaleYearsAndMemberships(
      tx,
      changed.map((f) => f.uscc),
      changed.flatMap((f) => f.aboveScaleYears.map((year) => ({ uscc: f.uscc, year }))),
      changed.flatMap((f) => f.memberships.map((m) => ({ uscc: f.uscc, nodeId: m.nodeId, isPrimary: m.isPrimary }))),
    );
    for (const firm of created) {
      await recordAudit(tx, actor, { action: 'import_create', entity: 'enterprise', entityId: firm.uscc, after: snapshot(firm) });
    }
    for (const { before, after } of updated) {
      await recordAudit(tx, actor, { action: 'import_update', entity: 'enterprise', entityId: after.uscc, before: snapshot(before), after: snapshot(after) });
    }
    await recordAudit(tx, actor, {
      action: 'import',
      entity: 'enterprise_import',
      after: { fileName: input.fileName ?? null, ...base, ...counts },
    });
  });
  return { ...base, written: true, ...counts, errors: [] };
}
