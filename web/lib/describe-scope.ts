import type { CurrentUser, ScopeEntry } from '../../shared/contracts/auth';
import { ROLE_SCOPE_KIND } from '../../shared/roles';
import type { Translate } from './i18n';

/**
 * A user's data scope in words: "全部" for roles that see everything (admin, leader), otherwise the
 * list of scope entries by name when the list carries names ("园区：衡阳高新区"), else by reference, or a
 * hint when none is assigned yet.
 */
export function describeScope(
  user: Pick<CurrentUser, 'role'> & { scopes: readonly (ScopeEntry & { name?: string })[] },
  t: Translate,
): string {
  if (ROLE_SCOPE_KIND[user.role] === null) return t('common.scopeAll');
  if (user.scopes.length === 0) return t('common.scopeNone');
  const separator = t('common.listSeparator');
  return user.scopes.map((scope) => `${t(`scope.${scope.kind}`)}${t('common.labelSeparator')}${scope.name ?? scope.ref}`).join(separator);
}
