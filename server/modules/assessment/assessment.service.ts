/**
 * 督查考核 assessment: schemes versioned by year, the assessors' entries, and runs that score a
 * scheme's objects (the chains of its year, or the parks) and store every figure they used.
 *
 * Scoring rules (assessment.scoring.ts), per indicator of weight w and value v from its source:
 * - `linear` (floor f, target t): w × clamp((v − f) / (t − f), 0, 1): nothing at the floor, full
 *   marks at the target and beyond, in proportion between (t < f rewards lower values).
 * - `rank`: the best value gets w; rank r of n gets w × (n − r + 1) / n, ties sharing the better rank.
 * - `threshold` (steps ≥ a → share s): w × the share of the highest step reached, else 0.
 * - No value (no data, no entry): 0 points, the figures say so (status `none`).
 * Totals: Σ indicator scores + bonus points − deduction points (each item capped at its maxPoints,
 * the total never below 0); a 一票否决 veto makes the total 0 and ranks the object last. Scores are
 * rounded to 2 decimals. Ranks: competition ranks (1, 2, 2, 4) by total; chains all together, parks
 * national and provincial apart.
 *
 * Versioning: a scheme version with a stored run is never changed: editing its definition or name
 * writes version + 1 (entries copied, the edited version archived), so every run
 * stays readable against the definition it scored, which the run also keeps. A run copies each
 * indicator's source figures (value, period, as-of, publication status, the numbers behind it and
 * the evidence of a manual entry): later changes of data never change a stored run.
 */
import {
  weightSumOf,
  type AssessmentEntry,
  type AssessmentKind,
  type CreateSchemeRequest,
  type EntryKind,
  type ObjectResult,
  type RunDetail,
  type SchemeDefinition,
  type SchemeDetail,
  type SchemeItem,
  type SourceFigures,
  type UpdateSchemeRequest,
} from '../../../shared/contracts/assessment.js';
import type { Locale, MessageKey } from '../../../shared/i18n/index.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { requireAccess } from '../access/access.policy.js';
import { SYSTEM_ACTOR, type Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { listChains } from '../chains/chains.service.js';
import { listParks } from '../parks/parks.service.js';
import { canManageAssessment, canReadAssessment, canSeeResult } from './assessment.policy.js';
import {
  archiveOtherActive,
  copyEntries,
  insertRun,
  insertScheme,
  selectEntries,
  selectEntry,
  selectLatestVersion,
  selectRun,
  selectRuns,
  selectScheme,
  selectSchemes,
  updateScheme as updateSchemeRow,
  upsertEntry,
  type RunRow,
  type SchemeRow,
} from './assessment.queries.js';
import { rankWithinGroups, roundScore, scoreIndicator, totalOf } from './assessment.scoring.js';
import { SOURCES, sourceOf, type AssessedObject } from './assessment.sources.js';

/** A refusal of bad input, with its message and the field it names. */
function invalid(messageKey: MessageKey & `assessment.error.${string}`, params: Record<string, string | number>, path: string): AppError {
  return new AppError('validation_failed', { messageKey, params, details: [{ path, message: messageKey }] });
}

/**
 * Refuses a definition the scheme cannot be scored by: weights not summing to 100, an unknown source
 * or one that cannot score the kind, a code used twice.
 */
export function checkDefinition(kind: AssessmentKind, definition: SchemeDefinition): void {
  const sum = weightSumOf(definition.indicators);
  if (sum !== 100) throw invalid('assessment.error.weightSum', { sum }, 'body.definition.indicators');
  definition.indicators.forEach((indicator, i) => {
    const source = sourceOf(indicator.source);
    if (!source)
      throw invalid(
        'assessment.error.unknownSource',
        { source: indicator.source, name: indicator.name },
        `body.definition.indicators.${i}.source`,
      );
    if (!source.kinds.includes(kind)) {
      throw invalid(
        'assessment.error.sourceKind',
        { source: indicator.source, name: indicator.name },
        `body.definition.indicators.${i}.source`,
      );
    }
  });
  const codes = [...definition.indicators, ...definition.bonuses, ...definition.deductions, ...definition.vetoes].map((item) => item.code);
  const twice = codes.find((code, i) => codes.indexOf(code) !== i);
  if (twice !== undefined) throw invalid('assessment.error.duplicateCode', { code: twice }, 'body.definition');
}

function presentItem(row: SchemeRow): SchemeItem {
  const { definition, createdBy: _by, createdAt: _at, updatedAt, ...item } = row;
  return {
    ...item,
    weightSum: weightSumOf(definition.indicators),
    indicatorCount: definition.indicators.length,
    updatedAt: updatedAt.toISOString(),
  };
}

async function requireScheme(db: Db, id: number): Promise<SchemeRow> {
  const row = await selectScheme(db, id);
  if (!row) throw new AppError('not_found', { messageKey: 'assessment.error.schemeNotFound', params: { id } });
  return row;
}

/** The objects a scheme scores: the chains on its year's list, or every park. */
export async function objectsOf(db: Db, kind: AssessmentKind, year: number): Promise<AssessedObject[]> {
  if (kind === 'chain') {
    return (await listChains(db, SYSTEM_ACTOR, { year })).items.map((c) => ({ code: c.code, name: c.name, level: null, regionCode: null }));
  }
  const parks = await listParks(db, SYSTEM_ACTOR, { page: 1, pageSize: 500 });
  return parks.items.map((p) => ({ code: String(p.id), name: p.shortName, level: p.level, regionCode: p.regionCode }));
}

/** The registry of indicator sources, labelled in the caller's language. */
export function listSources(actor: Actor, locale: Locale) {
  requireAccess(canReadAssessment(actor));
  return {
    items: Object.entries(SOURCES).map(([key, s]) => ({ key, kinds: [...s.kinds], label: s.label[locale], unit: s.unit })),
  };
}

export async function listSchemes(db: Db, actor: Actor, query: { kind?: AssessmentKind; year?: number }): Promise<{ items: SchemeItem[] }> {
  requireAccess(canReadAssessment(actor));
  return { items: (await selectSchemes(db, query)).map(presentItem) };
}

/** A scheme version with its definition, the assessors' entries and the objects it scores. */
export async function getScheme(db: Db, actor: Actor, id: number): Promise<SchemeDetail> {
  requireAccess(canReadAssessment(actor));
  const row = await requireScheme(db, id);
  const objects = await objectsOf(db, row.kind, row.year);
  const visible = new Set(objects.filter((o) => canSeeResult(actor, row.kind, o)).map((o) => o.code));
  const entries = (await selectEntries(db, id)).filter((e) => visible.has(e.objectCode));
  return {
    ...presentItem(row),
    definition: row.definition,
    entries: entries.map((e) => ({
      objectCode: e.objectCode,
      itemCode: e.itemCode,
      kind: e.kind,
      value: e.value,
      evidence: e.evidence,
      enteredBy: e.enteredBy,
      enteredAt: e.enteredAt.toISOString(),
    })),
    objects: objects.map((o) => ({ code: o.code, name: o.name, level: o.level })),
  };
}

/** Writes a new scheme (version 1, or the next version of its kind and year) after checking its definition. */
export async function createScheme(
  db: Db,
  actor: Actor,
  input: CreateSchemeRequest,
  status: 'draft' | 'active' = 'draft',
): Promise<SchemeDetail> {
  requireAccess(canManageAssessment(actor));
  checkDefinition(input.kind, input.definition);
  const id = await db.transaction(async (tx) => {
    const version = (await selectLatestVersion(tx, input.kind, input.year)) + 1;
    const created = await insertScheme(tx, { ...input, version, status, createdBy: actor.system ? null : actor.id });
    if (status === 'active') await archiveOtherActive(tx, input.kind, input.year, created);
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'assessment_scheme',
      entityId: String(created),
      after: { ...input, version, status },
    });
    return created;
  });
  return getScheme(db, actor, id);
}

/**
 * Changes a scheme's name, status or definition. A version with a stored run is kept as it is: the
 * change writes the next version (with the entries), and the old one is archived.
 */
export async function updateScheme(db: Db, actor: Actor, id: number, patch: UpdateSchemeRequest): Promise<SchemeDetail> {
  requireAccess(canManageAssessment(actor));
  const row = await requireScheme(db, id);
  if (patch.definition) checkDefinition(row.kind, patch.definition);
  const changesContent = patch.definition !== undefined || (patch.name !== undefined && patch.name !== row.name);
  const resultId = await db.transaction(async (tx) => {
    if (row.runCount > 0 && changesContent) {
      const version = (await selectLatestVersion(tx, row.kind, row.year)) + 1;
      const status = patch.status ?? (row.status === 'archived' ? 'draft' : row.status);
      const next = await insertScheme(tx, {
        kind: row.kind,
        year: row.year,
        version,
        name: patch.name ?? row.name,
        status,
        definition: patch.definition ?? row.definition,
        createdBy: actor.system ? null : actor.id,
      });
      await copyEntries(tx, row.id, next);
      // The edited version is superseded: archived, its runs kept.
      await updateSchemeRow(tx, row.id, { status: 'archived' });
      if (status === 'active') await archiveOtherActive(tx, row.kind, row.year, next);
      await recordAudit(tx, actor, {
        action: 'new_version',
        entity: 'assessment_scheme',
        entityId: String(next),
        before: { id: row.id, version: row.version },
        after: { ...patch, version },
      });
      return next;
    }
    await updateSchemeRow(tx, id, patch);
    if (patch.status === 'active') await archiveOtherActive(tx, row.kind, row.year, id);
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'assessment_scheme',
      entityId: String(id),
      before: { name: row.name, status: row.status, definition: row.definition },
      after: patch,
    });
    return id;
  });
  return getScheme(db, actor, resultId);
}

/** What an item code of a definition is: a manual indicator, a bonus, a deduction or a veto (with its cap). */
function itemOf(definition: SchemeDefinition, code: string): { kind: EntryKind; maxPoints: number | null } | null {
  const indicator = definition.indicators.find((i) => i.code === code);
  if (indicator) return indicator.source === 'manual' ? { kind: 'manual', maxPoints: null } : null;
  const bonus = definition.bonuses.find((b) => b.code === code);
  if (bonus) return { kind: 'bonus', maxPoints: bonus.maxPoints };
  const deduction = definition.deductions.find((d) => d.code === code);
  if (deduction) return { kind: 'deduction', maxPoints: deduction.maxPoints };
  return definition.vetoes.some((v) => v.code === code) ? { kind: 'veto', maxPoints: null } : null;
}

/**
 * Records an assessor's figure for one object and item: a manual indicator's value, bonus or deduction
 * points (0 to the item's maxPoints), or a veto (value 0 lifts it). Evidence is required; a veto's is its reason.
 */
export async function putEntry(db: Db, actor: Actor, schemeId: number, entry: AssessmentEntry): Promise<SchemeDetail> {
  requireAccess(canManageAssessment(actor));
  const row = await requireScheme(db, schemeId);
  const objects = await objectsOf(db, row.kind, row.year);
  if (!objects.some((o) => o.code === entry.objectCode)) {
    throw invalid('assessment.error.unknownObject', { object: entry.objectCode }, 'body.objectCode');
  }
  const item = itemOf(row.definition, entry.itemCode);
  if (!item) throw invalid('assessment.error.unknownItem', { item: entry.itemCode }, 'body.itemCode');
  if (item.kind === 'veto' && entry.evidence === '') throw invalid('assessment.error.vetoReason', {}, 'body.evidence');
  if (entry.evidence === '') throw invalid('assessment.error.evidenceRequired', {}, 'body.evidence');
  if (item.kind !== 'veto' && entry.value === null) throw invalid('assessment.error.valueRequired', {}, 'body.value');
  if (item.maxPoints !== null && entry.value !== null && (entry.value < 0 || entry.value > item.maxPoints)) {
    throw invalid('assessment.error.pointsRange', { max: item.maxPoints }, 'body.value');
  }
  const value = item.kind === 'veto' ? (entry.value === 0 ? 0 : 1) : entry.value;
  await db.transaction(async (tx) => {
    const before = await selectEntry(tx, schemeId, entry.objectCode, entry.itemCode);
    await upsertEntry(tx, { schemeId, ...entry, value, kind: item.kind, enteredBy: actor.username });
    await recordAudit(tx, actor, {
      action: 'enter',
      entity: 'assessment_entry',
      entityId: `${schemeId}:${entry.objectCode}:${entry.itemCode}`,
      before: before ? { value: before.value, evidence: before.evidence } : null,
      after: { value, evidence: entry.evidence },
    });
  });
  return getScheme(db, actor, schemeId);
}

/** Scores every object of a scheme from the sources and the entries (the rules at the top). */
export async function scoreScheme(db: Db, row: SchemeRow, now = new Date().toISOString()): Promise<ObjectResult[]> {
  const objects = await objectsOf(db, row.kind, row.year);
  const entries = await selectEntries(db, row.id);
  const manual = new Map(
    entries.filter((e) => e.kind === 'manual').map((e) => [`${e.objectCode}|${e.itemCode}`, { value: e.value, evidence: e.evidence }]),
  );
  const indicatorResults = new Map<string, ObjectResult['indicators']>(objects.map((o) => [o.code, []]));
  for (const indicator of row.definition.indicators) {
    const source = sourceOf(indicator.source);
    // checkDefinition refused unknown sources when the scheme was written; one removed since scores nothing.
    const figures = source
      ? await source.collect({ db, year: row.year, kind: row.kind, objects, indicatorCode: indicator.code, manual, now })
      : new Map<string, SourceFigures>();
    const none: SourceFigures = { value: null, unit: 'none', period: null, asOf: null, status: 'none', detail: {}, evidence: null };
    const perObject = objects.map((o) => figures.get(o.code) ?? none);
    const scores = scoreIndicator(
      indicator.rule,
      indicator.weight,
      perObject.map((f) => f.value),
    );
    objects.forEach((o, i) => {
      indicatorResults.get(o.code)?.push({ ...indicator, score: scores[i] ?? 0, figures: perObject[i] ?? none });
    });
  }
  const partial = objects.map((o) => {
    const own = entries.filter((e) => e.objectCode === o.code);
    const adjustments: ObjectResult['adjustments'] = [];
    for (const b of row.definition.bonuses) {
      const e = own.find((x) => x.itemCode === b.code);
      if (e && e.value)
        adjustments.push({ kind: 'bonus', code: b.code, name: b.name, points: Math.min(e.value, b.maxPoints), evidence: e.evidence });
    }
    for (const d of row.definition.deductions) {
      const e = own.find((x) => x.itemCode === d.code);
      if (e && e.value)
        adjustments.push({ kind: 'deduction', code: d.code, name: d.name, points: Math.min(e.value, d.maxPoints), evidence: e.evidence });
    }
    for (const v of row.definition.vetoes) {
      const e = own.find((x) => x.itemCode === v.code);
      if (e && e.value !== 0) adjustments.push({ kind: 'veto', code: v.code, name: v.name, points: 0, evidence: e.evidence });
    }
    const sum = (kind: 'bonus' | 'deduction') => roundScore(adjustments.filter((a) => a.kind === kind).reduce((s, a) => s + a.points, 0));
    const indicators = indicatorResults.get(o.code) ?? [];
    const vetoed = adjustments.some((a) => a.kind === 'veto');
    const totals = totalOf({ indicatorScores: indicators.map((i) => i.score), bonus: sum('bonus'), deduction: sum('deduction'), vetoed });
    return { ...o, ...totals, bonus: sum('bonus'), deduction: sum('deduction'), vetoed, indicators, adjustments };
  });
  const ranks = rankWithinGroups(partial.map((p) => ({ group: p.level ?? 'all', total: p.total, vetoed: p.vetoed })));
  return partial
    .map((p, i) => ({ ...p, rank: ranks[i] ?? 0 }))
    .sort((a, b) => (a.level ?? '').localeCompare(b.level ?? '') || a.rank - b.rank || a.code.localeCompare(b.code));
}

function presentRun(run: RunRow, actor: Actor): RunDetail {
  const results = run.results.filter((r) => canSeeResult(actor, run.kind, r));
  return {
    id: run.id,
    schemeId: run.schemeId,
    schemeName: run.schemeName,
    schemeVersion: run.schemeVersion,
    kind: run.kind,
    year: run.year,
    ranAt: run.ranAt.toISOString(),
    ranBy: run.ranBy,
    objectCount: run.results.length,
    definition: run.definition,
    results,
  };
}

/** Scores a scheme for its year and stores the run (with every figure it used). */
export async function runScheme(db: Db, actor: Actor, schemeId: number): Promise<RunDetail> {
  requireAccess(canManageAssessment(actor));
  const row = await requireScheme(db, schemeId);
  const results = await scoreScheme(db, row);
  const runId = await db.transaction(async (tx) => {
    const id = await insertRun(tx, { schemeId, definition: row.definition, results, ranBy: actor.username });
    await recordAudit(tx, actor, {
      action: 'run',
      entity: 'assessment_run',
      entityId: String(id),
      after: { schemeId, kind: row.kind, year: row.year, version: row.version, objects: results.length },
    });
    return id;
  });
  return getRun(db, actor, runId);
}

export async function listRuns(db: Db, actor: Actor, query: { schemeId?: number }) {
  requireAccess(canReadAssessment(actor));
  const runs = await selectRuns(db, query.schemeId);
  return {
    items: runs.map((r) => {
      const { definition: _definition, results: _results, ...summary } = presentRun(r, actor);
      return summary;
    }),
  };
}

/** A stored run as it was scored; the assessed see their own objects' results only. */
export async function getRun(db: Db, actor: Actor, id: number): Promise<RunDetail> {
  requireAccess(canReadAssessment(actor));
  const run = await selectRun(db, id);
  if (!run) throw new AppError('not_found', { messageKey: 'assessment.error.runNotFound', params: { id } });
  return presentRun(run, actor);
}
