import type {
  CreateInvestorRequest,
  InvestorItem,
  ListInvestorsQuery,
  ListInvestorsResponse,
  UpdateInvestorRequest,
} from '../../../shared/contracts/projects.js';
import { validateUscc } from '../../../shared/uscc.js';
import type { Locale } from '../../../shared/i18n/index.js';
import type { Db } from '../../db/client.js';
import { pageWindow } from '../../db/sql.js';
import { AppError } from '../../lib/errors.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import { requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { isProjectReader, isProjectWriter, maskName, maskPhone, ownsInvestor } from '../projects/projects.policy.js';
import {
  insertInvestor,
  selectInvestor,
  selectInvestorByUscc,
  selectInvestorsPage,
  updateInvestorRow,
  type InvestorRow,
} from './investors.queries.js';

/** An investor as the caller may see it: contacts masked unless the caller owns the record. */
function present(actor: Actor, row: InvestorRow): InvestorItem {
  const owner = ownsInvestor(actor, row);
  return {
    id: row.id,
    kind: row.kind === 'person' ? 'person' : 'company',
    name: row.name,
    uscc: row.uscc,
    origin: row.origin,
    nativePlace: row.nativePlace,
    contactName: owner ? row.contactName : maskName(row.contactName),
    contactPhone: owner ? row.contactPhone : maskPhone(row.contactPhone),
    masked: !owner,
    version: row.version,
  };
}

/** The 客商库, searchable by name or origin; shared by everyone who works on projects, contacts masked. */
export async function listInvestors(db: Db, actor: Actor, query: ListInvestorsQuery): Promise<ListInvestorsResponse> {
  requireAccess(isProjectReader(actor));
  const { rows, total } = await selectInvestorsPage(db, { q: query.q, ...pageWindow(query) });
  return { items: rows.map((row) => present(actor, row)), total };
}

/** Refuses an invalid USCC (GB 32100 check characters) or one registered for another investor. */
async function checkUscc(db: Db, uscc: string | null, locale: Locale, exceptId?: number): Promise<void> {
  if (uscc === null) return;
  const check = validateUscc(uscc);
  if (!check.ok) {
    throw new AppError('validation_failed', {
      messageKey: 'investors.error.invalidUscc',
      params: { message: locale === 'en' ? check.messageEn : check.messageZh },
      details: [{ path: 'body.uscc', message: check.message }],
    });
  }
  const existing = await selectInvestorByUscc(db, uscc, exceptId);
  if (existing) throw new AppError('conflict', { messageKey: 'investors.error.duplicateUscc', params: { uscc, name: existing.name } });
}

/** Registers an investor; a company's USCC is checked and registered once. */
export async function createInvestor(db: Db, actor: Actor, input: CreateInvestorRequest, locale: Locale = 'zh-CN'): Promise<InvestorItem> {
  requireAccess(isProjectWriter(actor));
  await checkUscc(db, input.uscc, locale);
  const row = await db.transaction(async (tx) => {
    const inserted = await insertInvestor(tx, { ...input, ownerId: actor.system ? null : actor.id });
    await recordAudit(tx, actor, { action: 'create', entity: 'investor', entityId: String(inserted.id), after: inserted });
    return inserted;
  });
  return present(actor, row);
}

/**
 * Edits an investor. Only its owner (who registered it) and the admin may: the others see its
 * contacts masked and would overwrite them blind.
 */
export async function updateInvestor(
  db: Db,
  actor: Actor,
  id: number,
  input: UpdateInvestorRequest,
  locale: Locale = 'zh-CN',
): Promise<InvestorItem> {
  requireAccess(isProjectWriter(actor));
  const before = await selectInvestor(db, id);
  if (!before) throw new AppError('not_found', { messageKey: 'investors.error.notFound', params: { id } });
  requireAccess(ownsInvestor(actor, before));
  requireVersion(before.version, input.version);
  await checkUscc(db, input.uscc, locale, id);
  const { version, ...fields } = input;
  const row = await db.transaction(async (tx) => {
    const after = await updateInvestorRow(tx, id, fields, version);
    await recordAudit(tx, actor, { action: 'update', entity: 'investor', entityId: String(id), before, after });
    return after;
  });
  return present(actor, row);
}
