// The enterprise import, shared by HTTP and the CLI: read the file, check every row, then write
// all of it in one transaction or nothing at all.
import { groupBy, pushAll } from '../../../../shared/arrays.js';
import type { ImportMode, ImportRemovalWarning, ImportReport } from '../../../../shared/contracts/enterprises.js';
import type { Locale } from '../../../../shared/i18n/index.js';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../lib/errors.js';
import { importQueue } from '../../../lib/import-queue.js';
import { localizeRowErrors, refuseRowErrors } from '../../../lib/spreadsheet/row-errors.js';
import { requireAccess } from '../../access/access.policy.js';
import type { Actor } from '../../access/actor.js';
import { recordAudit } from '../../audit/audit.service.js';
import { buildLookups } from '../enterprises.lookups.js';
import { canCreateEnterprise } from '../enterprises.policy.js';
import {
  applyMembershipWrites,
  replaceScaleYears,
  selectEnterpriseRefs,
  selectFigureYearTotals,
  selectMemberships,
  type EnterpriseWrite,
  type MembershipRow,
  type MembershipWrites,
} from '../enterprises.queries.js';
import { selectEnterpriseStates, upsertEnterprises } from './import.queries.js';
import { readSpreadsheet } from './import.parse.js';
import { checkRows, type ImportRow, type RowError } from './import.rows.js';
import { currentYear } from '../memberships.sql.js';
import { isEmptyPlan, planMembershipAddition, planMembershipChange, type MembershipPlan } from '../memberships.plan.js';

/** Largest file the import reads: 20 MB holds far more firms than a city has. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** A firm as the import compares it: the row, its 规上 years and its memberships (with their years). */
type FirmState = EnterpriseWrite & { aboveScaleYears: number[]; memberships: MembershipRow[] };
type FirmFields = EnterpriseWrite;

/** The report, with row errors in both languages until the caller picks one. */
export type ImportOutcome = Omit<ImportReport, 'errors'> & { errors: RowError[] };

export function localizeReport(outcome: ImportOutcome, locale: Locale): ImportReport {
  return { ...outcome, errors: localizeRowErrors(outcome.errors, locale) };
}

/** The stored firm's fields with the file's row laid over them; a column missing from the file keeps the stored value. */
function mergeFields(row: ImportRow, stored: FirmState | undefined): FirmFields {
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
  };
}

function fieldsOf(firm: FirmState): FirmFields {
  const { aboveScaleYears: _years, memberships: _memberships, ...fields } = firm;
  return fields;
}

const sameFields = (a: FirmFields, b: FirmFields) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
const sameYears = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((y, i) => y === b[i]);

async function loadStoredFirms(db: Db, usccs: string[]): Promise<Map<string, FirmState>> {
  const [states, memberships] = await Promise.all([selectEnterpriseStates(db, usccs), selectMemberships(db, usccs)]);
  const byFirm = groupBy(memberships, (m) => m.uscc);
  return new Map(states.map((s) => [s.uscc, { ...s, memberships: byFirm.get(s.uscc) ?? [] }]));
}

/** One firm's change: the fields, the 规上 years after, the membership plan and what it removes. */
type FirmChange = {
  row: ImportRow;
  before: FirmState | undefined;
  fields: FirmFields;
  years: number[];
  removedYears: number[];
  plan: MembershipPlan;
};

/** A node as people write it, CH02:xfmr. */
const nodeLabel = (m: { chainCode: string; nodeKey: string }) => `${m.chainCode}:${m.nodeKey}`;

/** What a change does, as the audit log keeps it: readable codes and years rather than row ids. */
function auditOf(change: FirmChange, fromYear: number) {
  const byId = new Map((change.before?.memberships ?? []).map((m) => [m.id, m]));
  const label = (id: number) => {
    const m = byId.get(id);
    return m ? nodeLabel(m) : String(id);
  };
  const nodeOf = change.row.memberships ?? [];
  return {
    ...change.fields,
    aboveScaleYears: change.years,
    memberships: {
      fromYear,
      added: change.plan.insert.map((m) => ({
        node: nodeLabel(nodeOf.find((n) => n.nodeId === m.nodeId) ?? { chainCode: '?', nodeKey: String(m.nodeId) }),
        isPrimary: m.isPrimary,
      })),
      ended: change.plan.end.map((m) => ({ node: label(m.id), lastYear: m.validToYear })),
      removed: change.plan.remove.map(label),
      primaryChanged: change.plan.keep.map((m) => ({ node: label(m.id), isPrimary: m.isPrimary })),
    },
  };
}

function snapshotOf(firm: FirmState) {
  return {
    ...fieldsOf(firm),
    aboveScaleYears: firm.aboveScaleYears,
    memberships: firm.memberships.map((m) => ({
      node: nodeLabel(m),
      isPrimary: m.isPrimary,
      validFromYear: m.validFromYear,
      validToYear: m.validToYear,
    })),
  };
}

/**
 * The removals of the changes that take figures out of the statistics: a dropped 规上 year with
 * figures of that year; a membership ended or removed with figures in the years it no longer
 * covers (from the effective year on, the years the firm is 规上 in).
 */
async function removalWarnings(db: Db, changes: readonly FirmChange[]): Promise<ImportRemovalWarning[]> {
  const removing = changes.filter((c) => c.removedYears.length > 0 || c.plan.end.length > 0 || c.plan.remove.length > 0);
  const totals = await selectFigureYearTotals(
    db,
    removing.map((c) => c.row.uscc),
  );
  const byFirm = groupBy(totals, (t) => t.uscc);
  const warnings: ImportRemovalWarning[] = [];
  for (const change of removing) {
    const figures = byFirm.get(change.row.uscc) ?? [];
    const sum = (years: (y: number) => boolean) => {
      const hit = figures.filter((f) => years(f.year)).sort((a, b) => a.year - b.year);
      return {
        years: hit.map((f) => f.year),
        months: hit.reduce((n, f) => n + f.months, 0),
        output: hit.reduce((n, f) => n + f.output, 0),
      };
    };
    for (const year of change.removedYears) {
      const lost = sum((y) => y === year);
      if (lost.months > 0)
        warnings.push({
          uscc: change.row.uscc,
          name: change.fields.name,
          kind: 'scaleYear',
          year,
          chainCode: null,
          nodeKey: null,
          ...lost,
        });
    }
    const rows = new Map((change.before?.memberships ?? []).map((m) => [m.id, m]));
    const gone = [
      ...change.plan.end.map((e) => ({ row: rows.get(e.id), from: e.validToYear + 1 })),
      ...change.plan.remove.map((id) => ({ row: rows.get(id), from: rows.get(id)?.validFromYear ?? 0 })),
    ];
    for (const { row, from } of gone) {
      if (!row) continue;
      const until = row.validToYear ?? 9999;
      const lost = sum((y) => y >= from && y <= until && change.years.includes(y));
      if (lost.months > 0) {
        warnings.push({
          uscc: change.row.uscc,
          name: change.fields.name,
          kind: 'membership',
          year: from,
          chainCode: row.chainCode,
          nodeKey: row.nodeKey,
          ...lost,
        });
      }
    }
  }
  return warnings;
}

/**
 * Imports an enterprise file (admin only). Every row is checked first; with any error nothing is
 * written and every error is returned. By default (`add`) the file's 规上 years and chain nodes are
 * added to each firm's and nothing is removed, so a yearly list naming only this year keeps the
 * earlier years. With `replace` the file's years and nodes become the firm's: nodes from
 * `effectiveFromYear` on (earlier years keep theirs), years as listed; a removal with figures behind
 * it is reported as a warning, and nothing is written until the call passes `acceptWarnings`.
 * New firms are created and changed ones updated in one transaction, each with its own audit entry,
 * plus one summary entry; rows that change nothing write nothing, so importing a file twice is
 * harmless. With `dryRun` the counts and warnings are computed and nothing is written.
 */
export async function importEnterprises(
  db: Db,
  actor: Actor,
  input: { data: Buffer; fileName?: string; dryRun: boolean; mode?: ImportMode; effectiveFromYear?: number; acceptWarnings?: boolean },
): Promise<ImportOutcome> {
  requireAccess(canCreateEnterprise(actor));
  if (input.data.length > IMPORT_MAX_BYTES) {
    throw new AppError('payload_too_large', {
      messageKey: 'enterprises.import.tooLarge',
      params: { limitMb: IMPORT_MAX_BYTES / 1024 / 1024 },
    });
  }
  // One import at a time per server, shared with the monthly figures (server/lib/import-queue.ts).
  return importQueue.run(() => runImport(db, actor, input));
}

export type EnterpriseImportInput = Parameters<typeof importEnterprises>[2];

/**
 * The import's answer, as its route and its job give it: the report in the caller's language; a real
 * import whose file has errors wrote nothing and is refused (400, every error in details).
 */
export async function answerEnterpriseImport(db: Db, actor: Actor, input: EnterpriseImportInput, locale: Locale): Promise<ImportReport> {
  return refuseRowErrors(localizeReport(await importEnterprises(db, actor, input), locale), 'enterprises.import.hasErrors');
}

async function runImport(
  db: Db,
  actor: Actor,
  input: { data: Buffer; fileName?: string; dryRun: boolean; mode?: ImportMode; effectiveFromYear?: number; acceptWarnings?: boolean },
): Promise<ImportOutcome> {
  const mode = input.mode ?? 'add';
  const fromYear = input.effectiveFromYear ?? currentYear();
  const sheet = await readSpreadsheet(input.data);
  const checked = checkRows(sheet, buildLookups(await selectEnterpriseRefs(db)));
  const base = {
    dryRun: input.dryRun,
    format: sheet.format,
    encoding: sheet.encoding,
    rows: sheet.rows.length,
    ignoredColumns: checked.ignoredColumns,
    mode,
    effectiveFromYear: fromYear,
  };
  const none = { removals: { scaleYears: 0, memberships: 0 }, warnings: [], confirmationRequired: false };
  if (checked.errors.length > 0) return { ...base, ...none, written: false, created: 0, updated: 0, unchanged: 0, errors: checked.errors };

  const stored = await loadStoredFirms(
    db,
    checked.rows.map((r) => r.uscc),
  );
  const changes: FirmChange[] = [];
  let created = 0;
  for (const row of checked.rows) {
    const before = stored.get(row.uscc);
    const fields = mergeFields(row, before);
    const storedYears = before?.aboveScaleYears ?? [];
    const fileYears = row.aboveScaleYears;
    const years =
      fileYears === undefined
        ? storedYears
        : mode === 'replace'
          ? fileYears
          : [...new Set([...storedYears, ...fileYears])].sort((a, b) => a - b);
    const removedYears = storedYears.filter((y) => !years.includes(y));
    const wanted = row.memberships;
    const plan: MembershipPlan =
      wanted === undefined
        ? { remove: [], end: [], keep: [], insert: [] }
        : !before
          ? {
              remove: [],
              end: [],
              keep: [],
              insert: wanted.map((m) => ({ nodeId: m.nodeId, isPrimary: m.isPrimary, validFromYear: fromYear })),
            }
          : mode === 'replace'
            ? planMembershipChange(before.memberships, wanted, fromYear)
            : planMembershipAddition(before.memberships, wanted, fromYear);
    if (!before) created += 1;
    else if (sameFields(fieldsOf(before), fields) && sameYears(storedYears, years) && isEmptyPlan(plan)) continue;
    changes.push({ row, before, fields, years, removedYears, plan });
  }
  const counts = { created, updated: changes.length - created, unchanged: checked.rows.length - changes.length };
  const removals = {
    scaleYears: changes.reduce((n, c) => n + c.removedYears.length, 0),
    memberships: changes.reduce((n, c) => n + c.plan.end.length + c.plan.remove.length, 0),
  };
  const warnings = await removalWarnings(db, changes);
  const report = { ...base, ...counts, removals, warnings, errors: [] };
  if (input.dryRun || changes.length === 0) return { ...report, written: false, confirmationRequired: false };
  if (warnings.length > 0 && input.acceptWarnings !== true) return { ...report, written: false, confirmationRequired: true };

  // A new firm's nodes start with no year (a registration has no earlier history), as in the form.
  const writes: MembershipWrites = { remove: [], end: [], keep: [], insert: [] };
  for (const c of changes) {
    pushAll(writes.remove, c.plan.remove);
    pushAll(writes.end, c.plan.end);
    pushAll(writes.keep, c.plan.keep);
    pushAll(
      writes.insert,
      c.plan.insert.map((m) => ({
        uscc: c.row.uscc,
        nodeId: m.nodeId,
        isPrimary: m.isPrimary,
        validFromYear: c.before ? m.validFromYear : null,
      })),
    );
  }
  await db.transaction(async (tx) => {
    await upsertEnterprises(
      tx,
      changes.map((c) => c.fields),
    );
    const yearChanges = changes.filter((c) => !c.before || !sameYears(c.before.aboveScaleYears, c.years));
    await replaceScaleYears(
      tx,
      yearChanges.map((c) => c.row.uscc),
      yearChanges.flatMap((c) => c.years.map((year) => ({ uscc: c.row.uscc, year }))),
    );
    await applyMembershipWrites(tx, writes);
    for (const change of changes) {
      await recordAudit(tx, actor, {
        action: change.before ? 'import_update' : 'import_create',
        entity: 'enterprise',
        entityId: change.row.uscc,
        before: change.before ? snapshotOf(change.before) : undefined,
        after: auditOf(change, fromYear),
      });
    }
    await recordAudit(tx, actor, {
      action: 'import',
      entity: 'enterprise_import',
      after: { fileName: input.fileName ?? null, ...base, ...counts, removals, warningsAccepted: warnings.length },
    });
  });
  return { ...report, written: true, confirmationRequired: false };
}
