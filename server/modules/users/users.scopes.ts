import type { ScopeEntry } from '../../../shared/contracts/auth.js';
import type { NamedScopeEntry, ScopeOption } from '../../../shared/contracts/users.js';
import type { Role } from '../../../shared/roles.js';
import { ROLE_SCOPE_KIND } from '../../../shared/roles.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { canAdminister, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { selectScopeNames, selectScopeOptions, selectScopeRefExists } from './users.scopes.queries.js';

/**
 * A scoped role (链长/链办 → chains, 园区 → parks, 县市区 → regions, 企业 → one firm, 后盾单位 → its
 * department) must name at least one object of its scope kind and nothing of another kind; admin and
 * leader see everything and take none. So nobody ends up seeing more or less than the role implies.
 */
function requireScopesFitRole(role: Role, scopes: readonly ScopeEntry[]): void {
  const scopeKind = ROLE_SCOPE_KIND[role];
  if (scopeKind === null && scopes.length > 0) {
    throw new AppError('validation_failed', {
      messageKey: 'users.error.noScopeForRole',
      params: { role },
      details: [{ path: 'body.scopes', message: 'must be empty for this role' }],
    });
  }
  if (scopeKind !== null && (scopes.length === 0 || scopes.some((s) => s.kind !== scopeKind))) {
    throw new AppError('validation_failed', {
      messageKey: 'users.error.scopeKindNeeded',
      params: { role, kind: scopeKind },
      details: [{ path: 'body.scopes', message: `needs kind ${scopeKind} only` }],
    });
  }
  // An enterprise account is the firm's own reporter: exactly one firm.
  if (role === 'enterprise' && scopes.length > 1) {
    throw new AppError('validation_failed', {
      messageKey: 'users.error.oneFirmOnly',
      details: [{ path: 'body.scopes', message: 'an enterprise account has exactly one firm' }],
    });
  }
}

/**
 * Every scope must name something that exists (chain:NOPE99 or park:% is refused with the entry's
 * path): chains, regions, parks and enterprises are checked against the master data; a department
 * has no register yet, so its name only has to be plain text (no control characters or wildcards).
 */
async function requireKnownScopeRefs(db: Db, scopes: readonly ScopeEntry[]): Promise<void> {
  for (const [index, scope] of scopes.entries()) {
    const ref = scope.ref.trim();
    const known =
      scope.kind === 'department'
        ? ref !== '' && !/[%_\\\p{Cc}]/u.test(ref)
        : ref !== '' && (await selectScopeRefExists(db, scope.kind, ref));
    if (!known) {
      throw new AppError('validation_failed', {
        messageKey: 'users.error.unknownScope',
        params: { kind: scope.kind, ref: scope.ref },
        details: [{ path: `body.scopes.${index}.ref`, kind: scope.kind, ref: scope.ref }],
      });
    }
  }
}

/** The scope rules of a role and the master data, checked before any write of a user's scopes. */
export async function requireValidScopes(db: Db, role: Role, scopes: readonly ScopeEntry[]): Promise<void> {
  requireScopesFitRole(role, scopes);
  await requireKnownScopeRefs(db, scopes);
}

/** Scope entries with the names of what they point at; a reference that names nothing keeps itself as its name. */
export async function nameScopes(db: Db, scopes: readonly ScopeEntry[]): Promise<NamedScopeEntry[]> {
  const names = new Map<string, string>();
  for (const kind of ['chain', 'region', 'park', 'enterprise'] as const) {
    const refs = scopes.filter((s) => s.kind === kind).map((s) => s.ref);
    if (refs.length === 0) continue;
    for (const row of await selectScopeNames(db, kind, refs)) names.set(`${kind}:${row.ref}`, row.name);
  }
  return scopes.map((s) => ({ ...s, name: names.get(`${s.kind}:${s.ref}`) ?? s.ref }));
}

/** The choices of the user form's scope picker (admin): chains, regions, parks, firms (by name or USCC) or departments. */
export async function listScopeOptions(
  db: Db,
  actor: Actor,
  query: { kind: ScopeEntry['kind']; q?: string },
): Promise<{ items: ScopeOption[] }> {
  requireAccess(canAdminister(actor));
  return { items: await selectScopeOptions(db, query.kind, query.q) };
}
