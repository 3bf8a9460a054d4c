import type { CreateInvestorRequest, InvestorItem, ListInvestorsQuery, ListInvestorsResponse } from '../../../shared/contracts/projects.js';
import { validateUscc } from '../../../shared/uscc.js';
import type { Locale } from '../../../shared/i18n/index.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { isProjectReader, isProjectWriter, maskName, maskPhone, ownsInvestor } from '../projects/projects.policy.js';
import { insertInvestor, selectInvestorByUscc, selectInvestorsPage, type InvestorRow } from './investors.queries.js';

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
  const { rows, total } = await selectInvestorsPage(db, { q: query.q, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items: rows.map((row) => present(actor, row)), total };
}

/** Registers an investor; a company's USCC is checked (GB 32100 check characters) and registered once. */
export async function createInvestor(db: Db, actor: Actor, input: CreateInvestorRequest, locale: Locale = 'zh-CN'): Promise<InvestorItem> {
  requireAccess(isProjectWriter(actor));
  if (input.uscc !== null) {
    const check = validateUscc(input.uscc);
    if (!check.ok) {
      throw new AppError('validation_failed', {
        messageKey: 'investors.error.invalidUscc',
        params: { message: locale === 'en' ? check.messageEn : check.messageZh },
        details: [{ path: 'body.uscc', message: check.message }],
      });
    }
    const existing = await selectInvestorByUscc(db, input.uscc);
    if (existing)
      throw new AppError('conflict', { messageKey: 'investors.error.duplicateUscc', params: { uscc: input.uscc, name: existing.name } });
  }
  const row = await db.transaction(async (tx) => {
    const inserted = await insertInvestor(tx, { ...input, ownerId: actor.system ? null : actor.id });
    await recordAudit(tx, actor, { action: 'create', entity: 'investor', entityId: String(inserted.id), after: inserted });
    return inserted;
  });
  return present(actor, row);
}
