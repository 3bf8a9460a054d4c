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

/** The page of the object an entry is about, where it has one. */
export function auditObjectHref(item: AuditItem): string | null {
  const id = item.entityId;
  if (!id) return null;
  const n = asNumber(id);
  switch (item.entity) {
    case 'user':
      return paths.adminUsers.getHref();
    case 'enterprise':
      return paths.enterprise.getHref(id);
    case 'monthly_figure':
      return paths.figuresOfEnterprise.getHref(id.split(':')[0] ?? id);
    case 'chain':
    case 'chain_target':
    case 'chain_node':
      return paths.chain.getHref(id.split(':')[0] ?? id);
    case 'park':
      return n === null ? null : paths.park.getHref(n);
    case 'region':
      return paths.regions.getHref();
    case 'industry':
      return paths.industries.getHref();
    case 'period':
      return paths.periods.getHref(id);
    case 'project':
      return n === null ? null : paths.project.getHref(n);
    case 'ticket':
      return n === null ? null : paths.problem.getHref(n);
    case 'supervision_task':
      return n === null ? null : paths.supervisionTask.getHref(n);
    case 'assessment_scheme':
      return n === null ? null : paths.assessmentScheme.getHref(n);
    case 'assessment_run':
      return n === null ? null : paths.assessmentRun.getHref(n);
    case 'investor':
      return paths.investors.getHref();
    case 'calendar_year':
      return paths.adminCalendar.getHref();
    default:
      return null;
  }
}
