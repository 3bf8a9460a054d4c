import type { CurrentUser } from '../../shared/contracts/auth';
import { ROLE_SCOPE_KIND } from '../../shared/roles';
import type { Translate } from './i18n';

/**
 * A user's data scope in words: "全部" for roles that see everything (admin, leader), otherwise the
 * list of scope entries ("产业链：新能源汽车、产业链：电子信息"), or a hint when none is assigned yet.
 */
export function describeScope(user: Pick<CurrentUser, 'role' | 'scopes'>, t: Translate): string {
  if (ROLE_SCOPE_KIND[user.role] === null) return t('common.scopeAll');
  if (user.scopes.length === 0) return t('common.scopeNone');
  const separator = t('common.listSeparator');
  return user.scopes.map((scope) => `${t(`scope.${scope.kind}`)}${t('common.labelSeparator')}${scope.ref}`).join(separator);
}
