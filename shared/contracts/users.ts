import { z } from 'zod';
import { SCOPE_KINDS } from '../roles.js';
import { expectedVersionField, itemList, pagedList, requiredText, searchPageQuery, searchText, versionField } from './common.js';
import { usernameSchema } from './identifiers.js';
import { currentUser, roleSchema, scopeEntry } from './auth.js';

/** At least 10 characters; the server also refuses blank, common and username-equal passwords (password-policy.ts). */
const password = z.string().min(10, 'at least 10 characters').max(256);

/** A scope entry with the name of what it points at (园区：衡阳高新区, not 园区：1); the ref itself when nothing has that code. */
export const namedScopeEntry = scopeEntry.extend({ name: z.string() });
export type NamedScopeEntry = z.infer<typeof namedScopeEntry>;

export const userItem = currentUser.extend({
  scopes: z.array(namedScopeEntry),
  active: z.boolean(),
  /** Locked after LOGIN_LOCKOUT_THRESHOLD failed logins in a row, until an admin unlocks it. */
  locked: z.boolean(),
  createdAt: z.string(),
  /** The last successful login (from the audit log), null when the account never logged in. */
  lastLoginAt: z.string().nullable(),
  ...versionField,
});
export type UserItem = z.infer<typeof userItem>;

export const listUsersQuery = searchPageQuery;
export const listUsersResponse = pagedList(userItem);
export type ListUsersResponse = z.infer<typeof listUsersResponse>;

export const createUserRequest = z.object({
  username: usernameSchema,
  displayName: requiredText(64),
  role: roleSchema,
  password,
  scopes: z.array(scopeEntry).max(200).default([]),
  /** 统计审核员 (may publish months): only for a city-wide 市领导 (leader) account. */
  statsReviewer: z.boolean().default(false),
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

/** What the admin edits of an account (not its username nor its password): the user's sessions end so it applies at once. */
export const updateUserRequest = createUserRequest.omit({ username: true, password: true }).extend(expectedVersionField);
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;

/** Disables (no login, open sessions end) or enables an account. */
export const setUserActiveRequest = z.object({ active: z.boolean(), ...expectedVersionField });
export type SetUserActiveRequest = z.infer<typeof setUserActiveRequest>;

/** Grants or withdraws the 统计审核员 permission (admin only; a leader account only). */
export const setStatsReviewerRequest = z.object({ statsReviewer: z.boolean(), ...expectedVersionField });
export type SetStatsReviewerRequest = z.infer<typeof setStatsReviewerRequest>;

/** A new password; without one the server generates it and answers it once. */
export const resetPasswordRequest = z.object({ password: password.optional() });
export const resetPasswordResponse = z.object({
  /** The generated password, shown once (null when the admin chose it). */
  generatedPassword: z.string().nullable(),
});
export type ResetPasswordResponse = z.infer<typeof resetPasswordResponse>;

/** The choices of a scope picker: what a scope of this kind may point at, searched by name or code. */
export const scopeOptionsQuery = z.object({
  kind: z.enum(SCOPE_KINDS),
  q: searchText.optional(),
});
export const scopeOption = z.object({
  ref: z.string(),
  name: z.string(),
  /** A second line: the USCC of a firm, the code of a chain or region, the full name of a park. */
  detail: z.string().nullable(),
});
export type ScopeOption = z.infer<typeof scopeOption>;
export const scopeOptionsResponse = itemList(scopeOption);
