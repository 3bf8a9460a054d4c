// The project and monthly-investment imports, shared by HTTP and the CLI: read the file, check every
// row (values and the caller's scope), then write all of it in one transaction or nothing at all.
import type { IMPORT_KINDS, ProjectImportReport } from '../../../../shared/contracts/projects.js';
import type { Locale } from '../../../../shared/i18n/index.js';
import type { Db } from '../../../db/client.js';
import type { SheetSource } from '../../../lib/spreadsheet/read-rows.js';
import { localizeRowErrors, refuseRowErrors } from '../../../lib/spreadsheet/row-errors.js';
import { requireAccess } from '../../access/access.policy.js';
import type { Actor } from '../../access/actor.js';
import { recordAudit } from '../../audit/audit.service.js';
import { canEditProject, isProjectWriter } from '../projects.policy.js';
import { upsertMonthlyInvestment } from '../projects.queries.js';
import { insertLeadProject, todayInCity } from '../projects.service.js';
import { selectImportRefs, selectProjectsByIds } from './import.queries.js';
import { readImportSheet } from '../../../lib/spreadsheet/import-sheet.js';
import { checkInvestmentRows, checkProjectRows, rowError, type ProjectLookups, type RowError } from './import.rows.js';

/** A project file of 5 MB holds tens of thousands of rows, far more than a city's projects. */
export const PROJECT_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export type ImportOutcome = Omit<ProjectImportReport, 'errors'> & { errors: RowError[] };
export type ImportInput = { source: SheetSource; dryRun: boolean };

/** The report in the caller's language. */
export function localizeImport(outcome: ImportOutcome, locale: Locale): ProjectImportReport {
  return { ...outcome, errors: localizeRowErrors(outcome.errors, locale) };
}

/**
 * A file of leads or of monthly investment, as its route and its job answer it: the report in the
 * caller's language; a real import with errors wrote nothing and is refused (400, every error in details).
 */
export async function answerProjectImport(
  db: Db,
  actor: Actor,
  input: ImportInput & { kind: (typeof IMPORT_KINDS)[number] },
  locale: Locale,
): Promise<ProjectImportReport> {
  const run = input.kind === 'projects' ? importProjects : importInvestment;
  return refuseRowErrors(localizeImport(await run(db, actor, input), locale), 'projects.import.hasErrors');
}

async function lookupsOf(db: Db): Promise<ProjectLookups> {
  const refs = await selectImportRefs(db);
  const chains = new Map<string, string>();
  for (const c of refs.chainRows) for (const key of [c.code, c.name]) chains.set(key, c.code);
  const nodes = new Map<string, { id: number; key: string }>();
  for (const n of refs.nodeRows) for (const key of [n.key, n.name]) nodes.set(`${n.chainCode}:${key}`, { id: n.id, key: n.key });
  const regions = new Map<string, string>();
  for (const r of refs.regionRows) for (const key of [r.code, r.name]) regions.set(key, r.code);
  const parks = new Map<string, { id: number; shortName: string; name: string }>();
  for (const p of refs.parkRows) for (const key of [String(p.id), p.shortName, p.name]) parks.set(key, p);
  const investors = new Map<string, number>();
  for (const i of refs.investorRows) if (i.uscc) investors.set(i.uscc, i.id);
  return { chains, nodes, regions, parks, investors };
}

/**
 * Imports a project file: each row becomes a lead (线索) dated its 线索日期, in the caller's scope.
 * With any error nothing is written (the errors list every problem).
 */
export async function importProjects(db: Db, actor: Actor, input: ImportInput): Promise<ImportOutcome> {
  requireAccess(isProjectWriter(actor));
  const sheet = await readImportSheet(input.source, '项目名称');
  const { drafts, errors } = checkProjectRows(sheet, await lookupsOf(db), todayInCity());
  for (const d of drafts) {
    const facts = { chainCode: d.chainCode, regionCode: d.regionCode, park: d.park, enterpriseUscc: null, createdBy: actor.id };
    if (!canEditProject(actor, facts)) errors.push(rowError(d.row, '产业链', d.chainCode, 'projects.import.outOfScope'));
  }
  errors.sort((a, b) => a.row - b.row);
  const outcome = { dryRun: input.dryRun, rows: sheet.rows.length, errors };
  if (errors.length > 0) return { ...outcome, written: false, created: 0 };
  if (input.dryRun) return { ...outcome, written: false, created: drafts.length };
  await db.transaction(async (tx) => {
    for (const d of drafts) {
      const { row: _row, park, leadDate, ...fields } = d;
      await insertLeadProject(tx, actor, { ...fields, parkId: park?.id ?? null, confidential: false }, leadDate, 'import');
    }
  });
  return { ...outcome, written: true, created: drafts.length };
}

/**
 * Imports the monthly completed investment and 到位资金 of projects (a later report replaces the
 * month), each project in the caller's scope; all rows or none.
 */
export async function importInvestment(db: Db, actor: Actor, input: ImportInput): Promise<ImportOutcome> {
  requireAccess(isProjectWriter(actor));
  const sheet = await readImportSheet(input.source, '项目编号');
  const ids = sheet.rows
    .map((r) => r.cells[sheet.headers.indexOf('项目编号')] ?? '')
    .filter((id) => /^\d{1,9}$/.test(id))
    .map(Number);
  const [found, lookups] = await Promise.all([selectProjectsByIds(db, ids), lookupsOf(db)]);
  const parksById = new Map([...lookups.parks.values()].map((p) => [p.id, p]));
  const editable = new Set(
    found
      .filter((p) => canEditProject(actor, { ...p, park: p.parkId === null ? null : (parksById.get(p.parkId) ?? null) }))
      .map((p) => p.id),
  );
  const { drafts, errors } = checkInvestmentRows(sheet, (id) => editable.has(id), todayInCity().slice(0, 7));
  const outcome = { dryRun: input.dryRun, rows: sheet.rows.length, errors };
  if (errors.length > 0) return { ...outcome, written: false, created: 0 };
  if (input.dryRun) return { ...outcome, written: false, created: drafts.length };
  await db.transaction(async (tx) => {
    for (const { row: _row, ...d } of drafts) {
      await upsertMonthlyInvestment(tx, d);
      await recordAudit(tx, actor, { action: 'import', entity: 'project_investment', entityId: `${d.projectId}:${d.period}`, after: d });
    }
  });
  return { ...outcome, written: true, created: drafts.length };
}
