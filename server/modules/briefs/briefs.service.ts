/**
 * The monthly chain brief (产业链运行月报): generated from a published month (briefs.generate.ts),
 * edited in draft (the narratives), submitted, reviewed and published (briefs.workflow.ts), frozen
 * once published. Each generation is a new version of its series (month + kind + chain or county);
 * the old ones are kept read-only. A brief read from a snapshot that is no longer the month's latest
 * (the month was republished) is `outdated` and may be regenerated. Who may do what: briefs.policy.ts.
 */
import type {
  Brief,
  BriefAction,
  BriefSection,
  BriefSummary,
  GenerateBriefRequest,
  UpdateBriefRequest,
} from '../../../shared/contracts/briefs.js';
import { generateBriefRequest } from '../../../shared/contracts/briefs.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { requireFields, requireMove } from '../../lib/workflow.js';
import { requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireChain } from '../chains/chains.service.js';
import { publishingPeriodOf, statusOf } from '../monitoring/monitoring.publication.js';
import { latestSnapshotOf } from '../periods/periods.snapshots.js';
import { listRegions } from '../regions/regions.service.js';
import { generateBriefContent } from './briefs.generate.js';
import {
  canGenerateBrief,
  canGeneratePreliminary,
  canReviewBriefs,
  canViewBrief,
  isRangeInScope,
  type BriefRange,
} from './briefs.policy.js';
import { contentOf, kindOf, presentBrief, presentSummary, statusOfRow } from './briefs.present.js';
import {
  insertBrief,
  selectBrief,
  selectLatestBriefs,
  selectLatestVersions,
  selectSeries,
  updateBriefAtVersion,
  type BriefRow,
} from './briefs.queries.js';
import { cityNameOf, templateTextsOf } from './briefs.templates.js';
import { briefWorkflow, type BriefParty } from './briefs.workflow.js';

const STATUS_LABEL = { draft: '草稿', submitted: '已提交', reviewed: '已审核', published: '已发布' } as const;
const ACTION_LABEL = { submit: '提交', review: '审核', publish: '发布', return: '退回' } as const;

function rangeOf(row: BriefRow): BriefRange {
  return { kind: kindOf(row), chainCode: row.chainCode, regionCode: row.regionCode };
}

function seriesKeyOf(period: string, range: BriefRange): string {
  return `${period}|${range.kind}|${range.chainCode ?? range.regionCode ?? ''}`;
}

function stamp(actor: Actor) {
  return { username: actor.username, displayName: actor.displayName, at: new Date().toISOString() };
}

/** The current snapshot id of each month (null while never published). */
async function currentSnapshots(db: Db, periods: readonly string[]): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  for (const period of new Set(periods)) out.set(period, (await latestSnapshotOf(db, publishingPeriodOf(period)))?.id ?? null);
  return out;
}

/** Whether a newer snapshot than the one a brief read exists (a 初步 brief: once the month is published). */
function isOutdated(row: BriefRow, current: number | null): boolean {
  return current !== null && current !== row.snapshotId;
}

async function factsOf(db: Db, rows: BriefRow[]) {
  const [snapshots, latest] = await Promise.all([
    currentSnapshots(
      db,
      rows.map((r) => r.period),
    ),
    selectLatestVersions(
      db,
      rows.map((r) => r.seriesKey),
    ),
  ]);
  return (row: BriefRow) => ({
    outdated: isOutdated(row, snapshots.get(row.period) ?? null),
    superseded: (latest.get(row.seriesKey) ?? row.seriesVersion) > row.seriesVersion,
  });
}

function partiesOf(actor: Actor, row: BriefRow): BriefParty[] {
  const parties: BriefParty[] = [];
  if (canGenerateBrief(actor, rangeOf(row))) parties.push('author');
  if (canReviewBriefs(actor)) parties.push('reviewer');
  return parties;
}

async function viewable(db: Db, actor: Actor, id: number): Promise<BriefRow> {
  const row = await selectBrief(db, id);
  // A brief outside the caller's scope answers like an unknown one (404), so ids cannot be probed.
  if (!row || !isRangeInScope(actor, rangeOf(row)))
    throw new AppError('not_found', { messageKey: 'briefs.error.notFound', params: { id } });
  requireAccess(canViewBrief(actor, rangeOf(row), statusOfRow(row), row.preliminary));
  return row;
}

async function present(db: Db, actor: Actor, row: BriefRow): Promise<Brief> {
  const facts = (await factsOf(db, [row]))(row);
  const parties = partiesOf(actor, row);
  const actions = facts.superseded
    ? []
    : briefWorkflow.actionsFor(statusOfRow(row), parties).filter((a) => !(a === 'publish' && row.preliminary));
  return presentBrief(row, facts, {
    actions,
    mayEdit: !facts.superseded && row.status === 'draft' && parties.includes('author'),
    mayRegenerate: !facts.superseded && parties.includes('author') && (row.status !== 'published' || facts.outdated),
  });
}

/** `GET /api/briefs`: the newest version of each series the caller may read. */
export async function listBriefs(
  db: Db,
  actor: Actor,
  query: { period?: string; kind?: string; status?: string },
): Promise<{ items: BriefSummary[] }> {
  const rows = (await selectLatestBriefs(db, query)).filter((r) => canViewBrief(actor, rangeOf(r), statusOfRow(r), r.preliminary));
  const facts = await factsOf(db, rows);
  return { items: rows.map((r) => presentSummary(r, facts(r))) };
}

/** `GET /api/briefs/:id`. */
export async function getBrief(db: Db, actor: Actor, id: number): Promise<Brief> {
  return present(db, actor, await viewable(db, actor, id));
}

/** `GET /api/briefs/:id/versions`: every version of the brief's series the caller may read, newest first. */
export async function listBriefVersions(db: Db, actor: Actor, id: number): Promise<{ items: BriefSummary[] }> {
  const row = await viewable(db, actor, id);
  const rows = (await selectSeries(db, row.seriesKey)).filter((r) => canViewBrief(actor, rangeOf(r), statusOfRow(r), r.preliminary));
  const facts = await factsOf(db, rows);
  return { items: rows.map((r) => presentSummary(r, facts(r))) };
}

async function rangeNameOf(db: Db, actor: Actor, range: BriefRange, cityName: string): Promise<string> {
  if (range.kind === 'chain' && range.chainCode !== null) return (await requireChain(db, range.chainCode)).name;
  if (range.kind === 'region' && range.regionCode !== null) {
    const code = range.regionCode;
    const region = (await listRegions(db, actor, { q: code })).items.find((r) => r.code === code);
    if (!region) throw new AppError('not_found', { messageKey: 'briefs.error.regionNotFound', params: { code } });
    return region.name;
  }
  return cityName;
}

/** A brief's range, month and content as generated now, checked like a generation (below). */
async function prepareBrief(db: Db, actor: Actor, input: GenerateBriefRequest, stored = true) {
  const request = generateBriefRequest.parse(input);
  const range: BriefRange = { kind: request.kind, chainCode: request.chainCode ?? null, regionCode: request.regionCode ?? null };
  requireAccess(canGenerateBrief(actor, range));
  const cityName = await cityNameOf(db);
  const rangeName = await rangeNameOf(db, actor, range, cityName);
  const publishing = publishingPeriodOf(request.period);
  const [status, latestSnapshot] = await Promise.all([statusOf(db, request.period), latestSnapshotOf(db, publishing)]);
  const snapshot = status === 'published' ? latestSnapshot : null;
  if (snapshot === null) {
    if (!request.preliminary) {
      throw new AppError('conflict', { messageKey: 'briefs.error.notPublished', params: { period: request.period } });
    }
    if (!canGeneratePreliminary(actor)) throw new AppError('forbidden', { messageKey: 'briefs.error.preliminaryStaffOnly' });
  }
  const seriesKey = seriesKeyOf(request.period, range);
  const [latest] = await selectSeries(db, seriesKey);
  if (stored && latest && latest.status === 'published' && !isOutdated(latest, latestSnapshot?.id ?? null)) {
    throw new AppError('conflict', { messageKey: 'briefs.error.current' });
  }
  const content = await generateBriefContent(db, actor, {
    period: request.period,
    ...range,
    rangeName,
    cityName,
    preliminary: snapshot === null,
    snapshot: snapshot === null ? null : { id: snapshot.id, publishedAt: snapshot.publishedAt },
    templates: await templateTextsOf(db),
    now: new Date().toISOString(),
  });
  return { request, range, seriesKey, latest, snapshot, content };
}

/**
 * `POST /api/briefs`: generates a new version of the brief of a month and range. A month not
 * published is refused (409) unless data staff ask for a 初步 brief; a published, current brief is
 * not regenerated (409).
 */
export async function generateBrief(db: Db, actor: Actor, input: GenerateBriefRequest): Promise<Brief> {
  const { request, range, seriesKey, latest, snapshot, content } = await prepareBrief(db, actor, input);
  const row = await db.transaction(async (tx) => {
    const created = await insertBrief(tx, {
      seriesKey,
      seriesVersion: (latest?.seriesVersion ?? 0) + 1,
      period: request.period,
      kind: range.kind,
      chainCode: range.chainCode,
      regionCode: range.regionCode,
      status: 'draft',
      preliminary: snapshot === null,
      snapshotId: snapshot?.id ?? null,
      content,
      generatedBy: stamp(actor),
    });
    await recordAudit(tx, actor, {
      action: 'generate',
      entity: 'briefs',
      entityId: String(created.id),
      after: { seriesKey, seriesVersion: created.seriesVersion, preliminary: created.preliminary, snapshotId: created.snapshotId },
    });
    return created;
  });
  return present(db, actor, row);
}

/**
 * The brief as it would be generated now, not stored (the CLI's `report monthly` writes it to a
 * file): the same checks and content as a generation; id 0, never part of a series.
 */
export async function previewBrief(db: Db, actor: Actor, input: GenerateBriefRequest): Promise<Brief> {
  const { request, range, content } = await prepareBrief(db, actor, { ...input, preliminary: false }, false);
  const who = stamp(actor);
  return {
    id: 0,
    seriesVersion: 0,
    kind: range.kind,
    period: request.period,
    periodLabel: content.periodLabel,
    chainCode: range.chainCode,
    regionCode: range.regionCode,
    rangeName: content.rangeName,
    title: content.title,
    status: 'draft',
    preliminary: false,
    outdated: false,
    superseded: false,
    generatedBy: who,
    submittedBy: null,
    reviewedBy: null,
    publishedBy: null,
    returnedBy: null,
    returnReason: null,
    version: 1,
    lead: content.lead,
    sections: content.sections,
    asOf: content.asOf,
    publicationNote: content.publicationNote,
    actions: [],
    mayEdit: false,
    mayRegenerate: false,
  };
}

function requireCurrent(latest: number, row: BriefRow): void {
  if (latest > row.seriesVersion) throw new AppError('conflict', { messageKey: 'briefs.error.superseded', params: { latest } });
}

/** `PATCH /api/briefs/:id`: replaces narratives of a draft at the version read (409 otherwise). */
export async function updateBrief(db: Db, actor: Actor, id: number, input: UpdateBriefRequest): Promise<Brief> {
  const row = await viewable(db, actor, id);
  requireAccess(canGenerateBrief(actor, rangeOf(row)));
  requireCurrent((await selectLatestVersions(db, [row.seriesKey])).get(row.seriesKey) ?? row.seriesVersion, row);
  if (row.status !== 'draft') {
    throw new AppError('conflict', {
      messageKey: 'briefs.error.notDraft',
      params: { status: STATUS_LABEL[statusOfRow(row)] },
    });
  }
  const content = contentOf(row);
  const keys = Object.keys(input.narratives);
  const missing = keys.filter((key) => !content.sections.some((s) => s.key === key));
  if (missing.length > 0) {
    throw new AppError('validation_failed', {
      details: missing.map((key) => ({ path: `body.narratives.${key}`, message: 'no such section' })),
    });
  }
  const sections: BriefSection[] = content.sections.map((s) => {
    const narrative = input.narratives[s.key];
    return narrative === undefined ? s : { ...s, narrative };
  });
  const updated = await db.transaction(async (tx) => {
    const after = await updateBriefAtVersion(tx, id, { content: { ...content, sections } }, input.version);
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'briefs',
      entityId: String(id),
      before: Object.fromEntries(keys.map((k) => [k, content.sections.find((s) => s.key === k)?.narrative ?? null])),
      after: input.narratives,
    });
    return after;
  });
  return present(db, actor, updated);
}

/** `POST /api/briefs/:id/actions`: submit, review, publish, or return to draft with a reason. */
export async function actOnBrief(
  db: Db,
  actor: Actor,
  id: number,
  input: { action: BriefAction; reason?: string; version: number },
): Promise<Brief> {
  const row = await viewable(db, actor, id);
  const status = statusOfRow(row);
  const params = { status: STATUS_LABEL[status], action: ACTION_LABEL[input.action] };
  requireMove(briefWorkflow, input.action, status, partiesOf(actor, row), {
    illegal: 'briefs.error.transition',
    onlyParty: (move) => (move.parties.includes('reviewer') ? 'briefs.error.onlyReviewer' : 'briefs.error.onlyAuthor'),
    params,
  });
  requireCurrent((await selectLatestVersions(db, [row.seriesKey])).get(row.seriesKey) ?? row.seriesVersion, row);
  if (input.action === 'publish' && row.preliminary) throw new AppError('conflict', { messageKey: 'briefs.error.preliminaryPublish' });
  if (input.action === 'return') {
    requireFields('briefs.error.returnReason', ['reason'], { reason: (input.reason ?? '').length > 0 });
  }
  const by = stamp(actor);
  const patch =
    input.action === 'submit'
      ? { status: 'submitted', submittedBy: by }
      : input.action === 'review'
        ? { status: 'reviewed', reviewedBy: by }
        : input.action === 'publish'
          ? { status: 'published', publishedBy: by }
          : { status: 'draft', returnedBy: by, returnReason: input.reason ?? '', submittedBy: null, reviewedBy: null };
  const updated = await db.transaction(async (tx) => {
    const after = await updateBriefAtVersion(tx, id, patch, input.version);
    await recordAudit(tx, actor, {
      action: input.action,
      entity: 'briefs',
      entityId: String(id),
      before: { status: row.status },
      after: { status: after.status, ...(input.action === 'return' ? { reason: input.reason } : {}) },
    });
    return after;
  });
  return present(db, actor, updated);
}
