import type { AuditItem } from '../../../shared/contracts/audit';
import { auditZhCN } from '../../../shared/i18n/audit.zh-CN';
import type { MessageKey } from '../../../shared/i18n';
import { paths } from '../../config/paths';
import type { Translate } from '../../lib/i18n';

type AuditKey = keyof typeof auditZhCN;
const isAuditKey = (key: string): key is AuditKey => key in auditZhCN;

function codesOf(prefix: string): string[] {
  return Object.keys(auditZhCN)
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length));
}

/** Every action and object code that has a label (server/modules/audit/audit.labels.test.ts keeps it complete). */
export const AUDIT_ACTION_CODES = codesOf('audit.action.');
export const AUDIT_ENTITY_CODES = codesOf('audit.entity.');

/** The words of a code, or the code itself when the dictionary has none (a log written by an older version). */
function labelOf(t: Translate, key: string, code: string): string {
  const checked: MessageKey | null = isAuditKey(key) ? key : null;
  return checked ? t(checked) : code;
}

export const auditActionLabel = (t: Translate, code: string) => labelOf(t, `audit.action.${code}`, code);
export const auditEntityLabel = (t: Translate, code: string) => labelOf(t, `audit.entity.${code}`, code);

const NAME_FIELDS = ['username', 'shortName', 'name', 'title', 'displayName', 'code'] as const;

/** The name of the object an entry is about, from what the log kept of it (after, else before), else its id. */
export function auditObjectName(item: AuditItem): string {
  for (const side of [item.after, item.before]) {
    if (side === null || typeof side !== 'object') continue;
    for (const field of NAME_FIELDS) {
      const value: unknown = Reflect.get(side, field);
      if (typeof value === 'string' && value !== '') return value;
    }
  }
  return item.entityId ?? '';
}

const asNumber = (id: string) => (/^[0-9]+$/.test(id) ? Number(id) : null);

/** Objects with a page of their own, found by their numeric id. */
const PAGE_BY_NUMBER = new Map<string, (id: number) => string>([
  ['park', paths.park.getHref],
  ['project', paths.project.getHref],
  ['ticket', paths.problem.getHref],
  ['supervision_task', paths.supervisionTask.getHref],
  ['assessment_scheme', paths.assessmentScheme.getHref],
  ['assessment_run', paths.assessmentRun.getHref],
]);

/** Objects shown on their list's page. */
const LIST_PAGE = new Map<string, string>([
  ['user', paths.adminUsers.getHref()],
  ['region', paths.regions.getHref()],
  ['industry', paths.industries.getHref()],
  ['investor', paths.investors.getHref()],
  ['calendar_year', paths.adminCalendar.getHref()],
]);

/** The page of the object an entry is about, where it has one. */
export function auditObjectHref(item: AuditItem): string | null {
  const id = item.entityId;
  if (!id) return null;
  const byNumber = PAGE_BY_NUMBER.get(item.entity);
  if (byNumber) {
    const n = asNumber(id);
    return n === null ? null : byNumber(n);
  }
  const list = LIST_PAGE.get(item.entity);
  if (list !== undefined) return list;
  switch (item.entity) {
    case 'enterprise':
      return paths.enterprise.getHref(id);
    case 'monthly_figure':
      return paths.figuresOfEnterprise.getHref(id.split(':')[0] ?? id);
    case 'chain':
    case 'chain_target':
    case 'chain_node':
      return paths.chain.getHref(id.split(':')[0] ?? id);
    case 'period':
      return paths.periods.getHref(id);
    default:
      return null;
  }
}
