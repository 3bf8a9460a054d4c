import type {
  CreateEnterpriseRequest,
  EnterpriseDetailResponse,
  EnterpriseOptionsResponse,
  EnterpriseProfile,
  ListEnterprisesQuery,
  ListEnterprisesResponse,
  UpdateEnterpriseRequest,
} from '../../../shared/contracts/enterprises.js';
import { translate, type Locale, type MessageKey } from '../../../shared/i18n/index.js';
import { validateUscc } from '../../../shared/uscc.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import { requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { buildLookups, type ReferenceLookups } from './enterprises.lookups.js';
import {
  canCreateEnterprise,
  canDeleteEnterprise,
  canEditEnterprise,
  canEditEnterprises,
  canViewEnterprise,
  enterpriseScopeOf,
  refusedEnterpriseFields,
  type EnterpriseScopeFacts,
  type OfficialEnterpriseField,
} from './enterprises.policy.js';
import { presentFigure, presentListItem, presentProfile, scopeFactsOf } from './enterprises.present.js';
import {
  applyMembershipWrites,
  countFigures,
  deleteEnterprise as deleteEnterpriseRow,
  insertEnterprise,
  replaceScaleYears,
  selectEnterpriseProfile,
  selectEnterpriseRefs,
  selectEnterprisesPage,
  selectFiguresOfYear,
  selectFigureYears,
  selectMemberships,
  type EnterpriseWrite,
  type MembershipRow,
  updateEnterprise as updateEnterpriseRow,
} from './enterprises.queries.js';
import { currentYear } from './memberships.sql.js';
import { visibleFirmMonthsOf } from '../monitoring/monitoring.publication.js';
import { coversYear, planMembershipChange, planScaleYears } from './memberships.plan.js';

/** The firms the caller may see, filtered and paged. */
export async function listEnterprises(db: Db, actor: Actor, query: ListEnterprisesQuery): Promise<ListEnterprisesResponse> {
  const { rows, total } = await selectEnterprisesPage(db, {
    scope: enterpriseScopeOf(actor),
    q: query.q || undefined,
    region: query.region || undefined,
    park: query.park,
    chain: query.chain ? query.chain.toUpperCase() : undefined,
    flag: query.flag,
    aboveScaleYear: query.aboveScaleYear,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { total, items: rows.map(presentListItem) };
}

function notFound(uscc: string): AppError {
  return new AppError('not_found', { messageKey: 'enterprises.error.notFound', params: { uscc } });
}

/**
 * Loads a firm the caller may see. A firm outside the caller's scope answers exactly like one that
 * does not exist (404), so nobody learns which USCCs are registered elsewhere in the city.
 */
async function loadVisibleProfile(db: Db, actor: Actor, uscc: string): Promise<EnterpriseProfile> {
  const code = uscc.trim().toUpperCase();
  const row = await selectEnterpriseProfile(db, code);
  if (!row || !canViewEnterprise(actor, scopeFactsOf(row))) throw notFound(code);
  return presentProfile(row, await selectMemberships(db, [code]));
}

/** A firm's profile, memberships, 规上 years and its monthly figures of one year (the latest by default). */
export async function getEnterprise(db: Db, actor: Actor, uscc: string, year?: number): Promise<EnterpriseDetailResponse> {
  const profile = await loadVisibleProfile(db, actor, uscc);
  const years = await selectFigureYears(db, profile.uscc);
  const shownYear = year ?? years[0] ?? null;
  // Other roles than data staff see a firm's months once published (monitoring.publication.ts).
  const visible = shownYear === null ? null : await visibleFirmMonthsOf(db, actor, shownYear);
  const items =
    shownYear === null
      ? []
      : (await selectFiguresOfYear(db, profile.uscc, shownYear))
          .filter((r) => visible === null || visible.has(r.period))
          .map(presentFigure);
  return { ...profile, figures: { year: shownYear, years, items } };
}

/** Regions, parks and chains with their nodes: the choices of the list filters and the form. */
export async function getEnterpriseOptions(db: Db): Promise<EnterpriseOptionsResponse> {
  const { regions, parks, chains, nodes } = await selectEnterpriseRefs(db);
  return {
    regions,
    parks,
    chains: chains.map((c) => ({
      code: c.code,
      name: c.name,
      nodes: nodes.filter((n) => n.chainCode === c.code).map((n) => ({ key: n.key, name: n.name, stage: n.stage })),
    })),
  };
}

async function loadLookups(db: Db): Promise<ReferenceLookups> {
  return buildLookups(await selectEnterpriseRefs(db));
}

/** 403 naming each official field the caller does not own (labels in both languages); nothing is written. */
function officialFieldsRefused(fields: readonly OfficialEnterpriseField[]): AppError {
  const label = (locale: Locale) => fields.map((f) => translate(locale, `enterprises.field.${f}`)).join(locale === 'en' ? ', ' : '、');
  return new AppError('forbidden', {
    messageKey: 'enterprises.error.officialFields',
    params: { fieldsZh: label('zh-CN'), fieldsEn: label('en') },
    details: fields.map((field) => ({ path: `body.${field}`, field })),
  });
}

/** A 400 whose message (in the caller's language) names the field and the value that is wrong. */
function invalid(path: string, messageKey: MessageKey, params: Record<string, string | number>): AppError {
  return new AppError('validation_failed', { messageKey, params, details: [{ path, ...params }] });
}

type ResolvedInput = {
  row: EnterpriseWrite;
  years: number[];
  memberships: { nodeId: number; chainCode: string; nodeKey: string; isPrimary: boolean }[];
  facts: EnterpriseScopeFacts;
};

/**
 * Checks a create/edit body against the rules and the master data, in the order a person fixes
 * them: the USCC (naming the wrong position), the region, the park, each chain node, then the
 * primary rule (exactly one primary membership when the firm has any).
 */
function resolveInput(lookups: ReferenceLookups, uscc: string, input: UpdateEnterpriseRequest): ResolvedInput {
  const checked = validateUscc(uscc);
  if (!checked.ok) {
    throw invalid('body.uscc', 'enterprises.error.invalidUscc', {
      reasonZh: checked.messageZh,
      reasonEn: checked.messageEn,
      position: checked.position ?? 0,
    });
  }
  const region = lookups.region(input.regionCode);
  if (!region) throw invalid('body.regionCode', 'enterprises.error.unknownRegion', { value: input.regionCode });
  const park = input.parkId === null ? null : lookups.parkById(input.parkId);
  if (park === undefined) throw invalid('body.parkId', 'enterprises.error.unknownPark', { value: String(input.parkId) });
  const memberships: ResolvedInput['memberships'] = [];
  const seen = new Set<string>();
  for (const [index, m] of input.memberships.entries()) {
    const path = `body.memberships.${index}`;
    if (!lookups.chainExists(m.chainCode)) throw invalid(`${path}.chainCode`, 'enterprises.error.unknownChain', { value: m.chainCode });
    const node = lookups.node(m.chainCode, m.nodeKey);
    if (!node) throw invalid(`${path}.nodeKey`, 'enterprises.error.unknownNode', { chain: m.chainCode, node: m.nodeKey });
    if (seen.has(`${node.id}`)) throw invalid(path, 'enterprises.error.duplicateMembership', { value: `${node.chainCode}:${node.key}` });
    seen.add(`${node.id}`);
    memberships.push({ nodeId: node.id, chainCode: node.chainCode, nodeKey: node.key, isPrimary: m.isPrimary });
  }
  const primaries = memberships.filter((m) => m.isPrimary).length;
  if (memberships.length > 0 && primaries !== 1)
    throw invalid('body.memberships', 'enterprises.error.primaryRequired', { count: primaries });
  const row: EnterpriseWrite = {
    uscc: checked.value,
    name: input.name,
    regionCode: region.code,
    parkId: park === null ? null : park.id,
    gbt4754Code: input.gbt4754Code,
    isChainMaster: input.isChainMaster,
    isSpecialized: input.isSpecialized,
    isHighTech: input.isHighTech,
    isListed: input.isListed,
  };
  const chainCodes = [...new Set(memberships.map((m) => m.chainCode))];
  return {
    row,
    years: [...new Set(input.aboveScaleYears)].sort((a, b) => a - b),
    memberships,
    facts: {
      uscc: row.uscc,
      regionCode: row.regionCode,
      park: park === null ? null : { id: park.id, shortName: park.shortName, name: park.name },
      chainCodes,
    },
  };
}

/** A new firm's 规上 years and memberships (with no start year: a registration has no earlier history). */
async function writeNewDetails(db: Db, resolved: ResolvedInput): Promise<void> {
  const uscc = resolved.row.uscc;
  await replaceScaleYears(
    db,
    [uscc],
    resolved.years.map((year) => ({ uscc, year })),
  );
  await applyMembershipWrites(db, {
    remove: [],
    end: [],
    keep: [],
    insert: resolved.memberships.map((m) => ({ uscc, nodeId: m.nodeId, isPrimary: m.isPrimary, validFromYear: null })),
  });
}

/** The memberships a firm has in `year` (one starting later counts as planned), as the scope rules read them. */
function membershipsFrom(rows: readonly MembershipRow[], year: number) {
  return rows
    .filter((m) => coversYear(m, year) || (m.validFromYear !== null && m.validFromYear > year))
    .map((m) => ({ chainCode: m.chainCode, nodeKey: m.nodeKey, isPrimary: m.isPrimary }));
}

async function reloadProfile(db: Db, uscc: string): Promise<EnterpriseProfile> {
  const row = await selectEnterpriseProfile(db, uscc);
  if (!row) throw notFound(uscc);
  return presentProfile(row, await selectMemberships(db, [uscc]));
}

/** Registers a firm (admin only), with its 规上 years and memberships, audited in the same transaction. */
export async function createEnterprise(db: Db, actor: Actor, input: CreateEnterpriseRequest): Promise<EnterpriseProfile> {
  requireAccess(canCreateEnterprise(actor));
  const resolved = resolveInput(await loadLookups(db), input.uscc, input);
  if (await selectEnterpriseProfile(db, resolved.row.uscc)) {
    throw new AppError('conflict', {
      messageKey: 'enterprises.error.duplicate',
      params: { uscc: resolved.row.uscc },
      details: [{ path: 'body.uscc' }],
    });
  }
  return db.transaction(async (tx) => {
    await insertEnterprise(tx, resolved.row);
    await writeNewDetails(tx, resolved);
    const after = await reloadProfile(tx, resolved.row.uscc);
    await recordAudit(tx, actor, { action: 'create', entity: 'enterprise', entityId: after.uscc, after });
    return after;
  });
}

/**
 * Rewrites a firm's profile, and its 规上 years and memberships from `effectiveFromYear` on (default:
 * the current year): a reclassification never rewrites the statistics of earlier years. Memberships
 * that no longer apply end the year before, new ones start in it; a 规上 year before it that the body
 * adds or drops is refused, naming the year to choose instead. The admin anywhere; scoped editors
 * only inside their scope (see enterprises.policy.ts). Audited with before and after.
 */
export async function updateEnterprise(db: Db, actor: Actor, uscc: string, input: UpdateEnterpriseRequest): Promise<EnterpriseProfile> {
  const before = await loadVisibleProfile(db, actor, uscc);
  requireAccess(canEditEnterprises(actor));
  requireVersion(before.version, input.version);
  const resolved = resolveInput(await loadLookups(db), before.uscc, input);
  const fromYear = input.effectiveFromYear ?? currentYear();
  const stored = await selectMemberships(db, [before.uscc]);
  const beforeMemberships = membershipsFrom(stored, fromYear);
  const refused = refusedEnterpriseFields(
    actor,
    { ...before, memberships: beforeMemberships },
    { ...resolved.row, aboveScaleYears: resolved.years, memberships: resolved.memberships },
  );
  if (refused.length > 0) throw officialFieldsRefused(refused);
  if (!canEditEnterprise(actor, scopeFactsOf(before), resolved.facts)) {
    throw new AppError('forbidden', { messageKey: 'enterprises.error.outOfScope' });
  }
  const years = planScaleYears(before.aboveScaleYears, resolved.years, fromYear);
  const [earliest] = years.changedPast;
  if (earliest !== undefined) {
    throw invalid('body.aboveScaleYears', 'enterprises.error.pastScaleYears', {
      years: years.changedPast.join(', '),
      year: fromYear,
      earliest,
    });
  }
  const plan = planMembershipChange(stored, resolved.memberships, fromYear);
  return db.transaction(async (tx) => {
    await updateEnterpriseRow(tx, resolved.row, input.version);
    await replaceScaleYears(
      tx,
      [before.uscc],
      years.years.map((year) => ({ uscc: before.uscc, year })),
    );
    await applyMembershipWrites(tx, { ...plan, insert: plan.insert.map((m) => ({ uscc: before.uscc, ...m })) });
    const after = await reloadProfile(tx, before.uscc);
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'enterprise',
      entityId: before.uscc,
      before,
      after: { ...after, effectiveFromYear: fromYear },
    });
    return after;
  });
}

/**
 * Deletes a firm registered by mistake (admin only). A firm with monthly figures is refused with
 * their count: statistics are never deleted silently; a firm that closed keeps its record (remove
 * its 规上 years and memberships instead).
 */
export async function deleteEnterprise(db: Db, actor: Actor, uscc: string, expectedVersion?: number): Promise<void> {
  const before = await loadVisibleProfile(db, actor, uscc);
  requireAccess(canDeleteEnterprise(actor));
  requireVersion(before.version, expectedVersion);
  const figures = await countFigures(db, before.uscc);
  if (figures > 0) {
    throw new AppError('conflict', {
      messageKey: 'enterprises.error.hasFigures',
      params: { count: figures },
      details: { monthlyFigures: figures },
    });
  }
  await db.transaction(async (tx) => {
    await deleteEnterpriseRow(tx, before.uscc, expectedVersion);
    await recordAudit(tx, actor, { action: 'delete', entity: 'enterprise', entityId: before.uscc, before });
  });
}
