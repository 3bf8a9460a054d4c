import { z } from 'zod';
import { expectedVersionField, pageQuery, versionField } from './common.js';
import { usernameSchema } from './identifiers.js';
import { currentUser, roleSchema, scopeEntry } from './auth.js';

/** At least 10 characters; the server also refuses blank, common and username-equal passwords (password-policy.ts). */
const password = z.string().min(10, 'at least 10 characters').max(256);

export const userItem = currentUser.extend({
  active: z.boolean(),
  /** Locked after LOGIN_LOCKOUT_THRESHOLD failed logins in a row, until an admin unlocks it. */
  locked: z.boolean(),
  createdAt: z.string(),
  ...versionField,
});
export type UserItem = z.infer<typeof userItem>;

export const listUsersQuery = pageQuery.extend({ q: z.string().trim().max(64).optional() });
export const listUsersResponse = z.object({ items: z.array(userItem), total: z.number().int() });
export type ListUsersResponse = z.infer<typeof listUsersResponse>;

export const createUserRequest = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(64),
  role: roleSchema,
  password,
  scopes: z.array(scopeEntry).max(200).default([]),
  /** 统计审核员 (may publish months): only for a city-wide 市领导 (leader) account. */
  statsReviewer: z.boolean().default(false),
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

/** Grants or withdraws the 统计审核员 permission (admin only; a leader account only). */
export const setStatsReviewerRequest = z.object({ statsReviewer: z.boolean(), ...expectedVersionField });
export type SetStatsReviewerRequest = z.infer<typeof setStatsReviewerRequest>;

export const resetPasswordRequest = z.object({ password });
