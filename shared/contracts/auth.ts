import { z } from 'zod';
import { requiredText } from './common.js';
import { ROLES, SCOPE_KINDS } from '../roles.js';

export const roleSchema = z.enum(ROLES);
export const scopeKindSchema = z.enum(SCOPE_KINDS);

export const scopeEntry = z.object({ kind: scopeKindSchema, ref: z.string().min(1).max(64) });
export type ScopeEntry = z.infer<typeof scopeEntry>;

export const loginRequest = z.object({
  username: requiredText(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const currentUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  scopes: z.array(scopeEntry),
  /** 统计审核员: may publish and reopen months (see shared/publication/workflow.ts). */
  statsReviewer: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUser>;

/** Answer of login and of `GET /api/auth/me`: the user and the CSRF token to send in `X-CSRF-Token`. */
export const sessionResponse = z.object({
  user: currentUser,
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;
