/** Roles of the platform. Labels live in the i18n dictionaries (`role.<name>`). */
export const ROLES = ['admin', 'leader', 'chain_chief', 'chain_office', 'department', 'park', 'county', 'enterprise'] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of object a user's data scope can name. */
export const SCOPE_KINDS = ['chain', 'region', 'park', 'enterprise', 'department'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/**
 * Which scope kind a role is limited by (null = not scoped: admin and leader see everything).
 * 链长/链办 work on their chains, 园区 on its parks, 县市区 on its regions, 企业 on itself,
 * 后盾单位 on the tickets and tasks assigned to its department.
 */
export const ROLE_SCOPE_KIND: Record<Role, ScopeKind | null> = {
  admin: null,
  leader: null,
  chain_chief: 'chain',
  chain_office: 'chain',
  department: 'department',
  park: 'park',
  county: 'region',
  enterprise: 'enterprise',
};

/** Whether a user's role (none: not known yet) is one of `roles` (a route's policy list, shown as a screen's buttons). */
export function roleIn(roles: readonly Role[], role: Role | null | undefined): boolean {
  return role != null && roles.includes(role);
}
