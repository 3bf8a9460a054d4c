import { useEffect, useState, type ReactNode } from 'react';

/**
 * Renders its children once the browser is idle after the first paint (at the latest after
 * `timeoutMs`): parts of a page below the first screen then do not hold up the part above it.
 */
export function Deferred({
  children,
  fallback = null,
  timeoutMs = 300,
}: {
  children: ReactNode;
  fallback?: ReactNode;
  timeoutMs?: number;
}) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(() => setReady(true), { timeout: timeoutMs });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(() => setReady(true), 50);
    return () => window.clearTimeout(id);
  }, [timeoutMs]);
  return ready ? children : fallback;
}
