// The password rule of every way a password is set (create-user and reset-password, over the API,
// the CLI, ADMIN_PASSWORD and DEMO_PASSWORD at first start): at least 10 characters, not blank, not
// the username, and not a common password. The common passwords are the public-domain list shipped
// in common-passwords.txt (John the Ripper's password.lst, 3,546 entries), compared
// case-insensitively, also with trailing digits and punctuation removed ("password12!" is refused
// like "password").
import fs from 'node:fs';
import path from 'node:path';
import type { MessageKey } from '../../../shared/i18n/index.js';
import { AppError } from '../../lib/errors.js';
import { ROOT } from '../../paths.js';

export const MIN_PASSWORD_LENGTH = 10;

let common: Set<string> | null = null;

/** The shipped list, read once. */
function commonPasswords(): Set<string> {
  if (common === null) {
    const text = fs.readFileSync(path.join(ROOT, 'server/modules/auth/common-passwords.txt'), 'utf8');
    common = new Set(
      text
        .split('\n')
        .map((line) => line.trim().toLowerCase())
        .filter((line) => line !== '' && !line.startsWith('#')),
    );
  }
  return common;
}

/** What is wrong with a password for this username (null: acceptable). */
export function passwordProblem(password: string, username: string): MessageKey | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'password.error.tooShort';
  if (password.trim() === '') return 'password.error.blank';
  const lower = password.trim().toLowerCase();
  if (lower === username.trim().toLowerCase()) return 'password.error.username';
  const stem = lower.replace(/[\d\W_]+$/u, '');
  const list = commonPasswords();
  if (list.has(lower) || (stem !== '' && list.has(stem))) return 'password.error.common';
  return null;
}

/** Throws a 400 naming what is wrong (in the caller's language) unless the password is acceptable. */
export function requireAcceptablePassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) {
    throw new AppError('validation_failed', {
      messageKey: problem,
      params: { min: MIN_PASSWORD_LENGTH },
      details: [{ path: 'body.password', rule: problem.slice('password.error.'.length) }],
    });
  }
}
