// Limits on failed logins, kept in the server's memory (one process serves the city; a restart
// forgets them, the account lockout in the database does not). Only failures count, so people who
// log in correctly are never throttled:
// - per address and username: LOGIN_RATE_LIMIT failures a minute slow guessing one account without
//   locking out a whole office behind one NAT address;
// - per address: LOGIN_IP_RATE_LIMIT failures a minute stop one address spraying many usernames.
// Over either limit the attempt is refused with 429 before the password is checked.
import { AppError } from '../../lib/errors.js';

export type LoginLimiter = {
  /** Throws `rate_limited` when the address, or the address with this username, is over its limit. */
  check: (ip: string, username: string) => void;
  /** Counts one failed login. */
  fail: (ip: string, username: string) => void;
  /** A successful login clears the address+username count. */
  succeed: (ip: string, username: string) => void;
};

type Window = { count: number; resetAt: number };

/** Past this many keys, expired windows are swept before a new key is added (memory stays bounded). */
const SWEEP_AT = 10_000;

export function createLoginLimiter(
  options: { perAccount: number; perIp: number; windowMs?: number },
  now: () => number = Date.now,
): LoginLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const windows = new Map<string, Window>();
  const accountKey = (ip: string, username: string) => `a|${ip}|${username.trim().toLowerCase()}`;
  const ipKey = (ip: string) => `i|${ip}`;

  const current = (key: string): Window | undefined => {
    const found = windows.get(key);
    if (found && found.resetAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return found;
  };
  const bump = (key: string) => {
    const found = current(key);
    if (found) {
      found.count += 1;
      return;
    }
    if (windows.size >= SWEEP_AT) for (const [k, w] of windows) if (w.resetAt <= now()) windows.delete(k);
    windows.set(key, { count: 1, resetAt: now() + windowMs });
  };
  const over = (key: string, max: number) => (current(key)?.count ?? 0) >= max;

  return {
    check: (ip, username) => {
      if (over(accountKey(ip, username), options.perAccount) || over(ipKey(ip), options.perIp)) throw new AppError('rate_limited');
    },
    fail: (ip, username) => {
      bump(accountKey(ip, username));
      bump(ipKey(ip));
    },
    succeed: (ip, username) => {
      windows.delete(accountKey(ip, username));
    },
  };
}
