import { DrizzleQueryError } from 'drizzle-orm/errors';
import { AppError } from '../lib/errors.js';

/** A mistake in how the command was called (unknown option, missing argument, missing --yes): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The operator said no at a prompt: nothing was changed. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

function messageOf(err: unknown): string {
  if (err instanceof AppError) {
    const zh = err.localized('zh-CN');
    const en = err.localized('en');
    return zh === en ? zh : `${zh} (${en})`;
  }
  // Drizzle repeats the SQL and its parameters (password hashes among them); the cause says what went wrong.
  if (err instanceof DrizzleQueryError && err.cause instanceof Error) return err.cause.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

/** The one line an operator sees for any failure: no stack trace, no SQL, bilingual prefix. */
export function formatError(err: unknown): string {
  return `错误 (error): ${messageOf(err)
    .replace(/\s*\n\s*/g, ' ')
    .trim()}`;
}

export function exitCodeOf(err: unknown): number {
  return err instanceof UsageError ? 2 : 1;
}
