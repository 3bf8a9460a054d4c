// Every identifier format of the platform, once: the database's CHECK constraints, the API's zod
// contracts and the web's form rules all read these patterns and schemas.
import { z } from 'zod';
import { FIRST_PERIOD, PERIOD_PATTERN, currentPeriod } from '../stats/period.js';

export { PERIOD_PATTERN } from '../stats/period.js';

/** A chain's code: a capital letter then 1–15 capitals or digits (CH02, CH16). */
export const CHAIN_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,15}$/;
/** A node's key inside its chain: a lowercase letter then up to 31 lowercase letters, digits or _ (xfmr). */
export const NODE_KEY_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
/** A node of this chain by its key, or of any chain as `CODE:key` (CH02:xfmr). */
export const NODE_REF_PATTERN = /^([A-Z][A-Z0-9]{1,15}:)?[a-z][a-z0-9_]{0,31}$/;
/** A region's code: 6 digits of GB/T 2260 or a statistical zone code (430421). */
export const REGION_CODE_PATTERN = /^[0-9]{6}$/;
/** An industry's code: a capital letter then up to 7 capitals or digits (E1). */
export const INDUSTRY_CODE_PATTERN = /^[A-Z][A-Z0-9]{0,7}$/;
/** 统一社会信用代码: 18 characters of the GB 32100 set (the check character is `shared/uscc.ts`'s job). */
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
/** A GB/T 4754-2017 industry class: 2–4 digits. */
export const GBT4754_CODE_PATTERN = /^[0-9]{2,4}$/;
/** A user's login name: 3–64 letters, digits, dot, dash or underscore. */
export const USERNAME_PATTERN = /^[a-zA-Z0-9._-]{3,64}$/;
/** A calendar date written YYYY-MM-DD (whether the day exists is checked separately). */
export const DATE_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** A chain code as typed: trimmed and upper-cased, then checked. */
export const chainCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(CHAIN_CODE_PATTERN, 'a capital letter then 1–15 capitals or digits, e.g. CH16');

/** A node key as typed (trimmed). */
export const nodeKeySchema = z
  .string()
  .trim()
  .regex(NODE_KEY_PATTERN, 'a lowercase letter then up to 31 lowercase letters, digits or _, e.g. xfmr');

/** A node reference as typed: `key` or `CODE:key`. */
export const nodeRefSchema = z.string().trim().regex(NODE_REF_PATTERN, 'a node key (xfmr) or CODE:key (CH02:xfmr)');

/** A region code as typed (trimmed). */
export const regionCodeSchema = z.string().trim().regex(REGION_CODE_PATTERN, '6 digits (GB/T 2260 or statistical zone code)');

/** An industry code as typed (trimmed). */
export const industryCodeSchema = z
  .string()
  .trim()
  .regex(INDUSTRY_CODE_PATTERN, 'a capital letter then up to 7 capitals or digits, e.g. E1');

/** A USCC as typed: trimmed and upper-cased, then checked for its 18-character shape. */
export const usccSchema = z.string().trim().toUpperCase().regex(USCC_PATTERN, '18 characters of GB 32100');

/** A GB/T 4754 class as typed (trimmed). */
export const gbt4754CodeSchema = z.string().trim().regex(GBT4754_CODE_PATTERN, '2–4 digits (GB/T 4754-2017 class)');

/** A login name as typed (trimmed). */
export const usernameSchema = z.string().trim().regex(USERNAME_PATTERN, '3–64 letters, digits, dot, dash or underscore');

/** A month 'YYYY-MM' by its shape alone (stored figures, answers). */
export const monthSchema = z.string().regex(PERIOD_PATTERN, 'a month as YYYY-MM');

/**
 * A statistical month 'YYYY-MM' from FIRST_PERIOD on; with `notFuture`, also no later than the
 * current month (Beijing time): a month in the future has no figures yet, and asking for one is a
 * mistake worth saying so.
 */
export function statisticalPeriodSchema(options: { notFuture: boolean }) {
  return z.string().superRefine((period, ctx) => {
    if (!PERIOD_PATTERN.test(period)) ctx.addIssue({ code: 'custom', message: 'must be a month YYYY-MM, e.g. 2026-10' });
    else if (period < FIRST_PERIOD) ctx.addIssue({ code: 'custom', message: `must be ${FIRST_PERIOD} or later` });
    else if (options.notFuture && period > currentPeriod()) ctx.addIssue({ code: 'custom', message: 'must not be in the future' });
  });
}
