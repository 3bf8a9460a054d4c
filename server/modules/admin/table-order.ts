import { pushAll } from '../../../shared/arrays.js';
/** A foreign key from `table` to `references` (both application tables). */
export type TableDependency = { name: string; table: string; references: string };

/**
 * Orders tables so every table comes after the tables it references, which lets a restore insert
 * rows without violating a foreign key. Self-references and cycles cannot be ordered away: the
 * foreign keys that close them are returned in `deferred` and must be checked at commit instead.
 * Ties are broken by name so the order is the same on every run.
 */
export function orderTablesByDependencies<T extends TableDependency>(
  tables: readonly string[],
  dependencies: readonly T[],
): { order: string[]; deferred: T[] } {
  const remaining = new Set(tables);
  const deferred: T[] = dependencies.filter((d) => d.table === d.references && remaining.has(d.table));
  let open = dependencies.filter((d) => d.table !== d.references && remaining.has(d.table) && remaining.has(d.references));
  const order: string[] = [];
  while (remaining.size > 0) {
    const blocked = new Set(open.map((d) => d.table));
    const ready = [...remaining].filter((t) => !blocked.has(t)).sort();
    // In a cycle nothing is ready: take the first table by name and defer its open foreign keys.
    const next = ready[0] ?? [...remaining].sort()[0];
    if (next === undefined) break;
    if (ready.length === 0)
      pushAll(
        deferred,
        open.filter((d) => d.table === next),
      );
    order.push(next);
    remaining.delete(next);
    open = open.filter((d) => d.table !== next && d.references !== next);
  }
  return { order, deferred };
}

/**
 * The foreign keys a restore must check at commit when rows arrive in `arrivalOrder` (the archive's
 * table order): those whose table arrives no later than the table it references. An archive written
 * by `backup` is already in dependency order, so normally only self-references and cycles remain.
 */
export function foreignKeysToDefer<T extends TableDependency>(arrivalOrder: readonly string[], dependencies: readonly T[]): T[] {
  const position = new Map(arrivalOrder.map((t, i) => [t, i]));
  return dependencies.filter((d) => {
    const from = position.get(d.table);
    const to = position.get(d.references);
    return from !== undefined && to !== undefined && from <= to;
  });
}
