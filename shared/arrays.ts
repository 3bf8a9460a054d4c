// Array helpers safe for data-sized arrays: `target.push(...items)` and `Math.min(...values)` pass
// every element as a call argument and overflow the call stack past ~100,000 elements (issue 9: a
// 161,438-row import answered 500). ESLint forbids spreads in call arguments (eslint.config.js).

/** Appends every item to `target` in place, one by one. */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

/** The smallest and largest value, or null for an empty list. */
export function minMax(values: Iterable<number>): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  let any = false;
  for (const v of values) {
    any = true;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return any ? { min, max } : null;
}

/** The items grouped by `keyOf`, each group in the items' order. */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
