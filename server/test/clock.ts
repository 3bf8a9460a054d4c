// A test's clock on a chosen day of the Chinese calendar (deadlines and lights read "today"): Date
// alone is faked, so timers and the database keep running.
import { vi } from 'vitest';

/** Sessions that outlive a clock moved months ahead (a year, idle for as long). */
export const LONG_SESSIONS = { SESSION_TTL_HOURS: '8760', SESSION_IDLE_MINUTES: '525600' } as const;

/** Sets the faked clock to 10:00 in Shanghai on `day` (YYYY-MM-DD). */
export function onShanghaiDay(day: string): void {
  vi.setSystemTime(new Date(`${day}T02:00:00Z`));
}

/** Fakes Date from now on, starting on `day`; `vi.useRealTimers()` ends it. */
export function fakeDateOn(day: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  onShanghaiDay(day);
}
