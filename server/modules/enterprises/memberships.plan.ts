// Reclassifying a firm without rewriting its past: given its stored memberships (each with its
// years) and 规上 years, what to write so that from a chosen year on it has the desired ones and
// every earlier year keeps what it had. Pure: the service and the import apply the plan.

/** A stored membership row. */
export type StoredMembership = { id: number; nodeId: number; isPrimary: boolean; validFromYear: number | null; validToYear: number | null };

/** A membership wanted from the effective year on. */
export type WantedMembership = { nodeId: number; isPrimary: boolean };

/** The writes of a membership change, in the order they are applied. */
export type MembershipPlan = {
  /** Rows that start in or after the effective year and are no longer wanted: deleted. */
  remove: number[];
  /** Rows that cover earlier years and are no longer wanted: they end the year before the effective year. */
  end: { id: number; validToYear: number }[];
  /** Rows kept from the effective year on, with their primary flag (and an end removed). */
  keep: { id: number; isPrimary: boolean; validToYear: null }[];
  /** New rows from the effective year on. */
  insert: { nodeId: number; isPrimary: boolean; validFromYear: number }[];
};

/** Whether a row counts in `year`. */
export function coversYear(m: Pick<StoredMembership, 'validFromYear' | 'validToYear'>, year: number): boolean {
  return (m.validFromYear === null || m.validFromYear <= year) && (m.validToYear === null || m.validToYear >= year);
}

export function isEmptyPlan(plan: MembershipPlan): boolean {
  return plan.remove.length === 0 && plan.end.length === 0 && plan.keep.length === 0 && plan.insert.length === 0;
}

/**
 * The writes that give the firm exactly `wanted` from `fromYear` on and leave every year before
 * untouched. A row already covering `fromYear` for a wanted node is kept (no split when nothing
 * changes); rows planned to start after `fromYear` give way to the wanted set.
 */
export function planMembershipChange(
  stored: readonly StoredMembership[],
  wanted: readonly WantedMembership[],
  fromYear: number,
): MembershipPlan {
  const plan: MembershipPlan = { remove: [], end: [], keep: [], insert: [] };
  const wantedByNode = new Map(wanted.map((w) => [w.nodeId, w]));
  const satisfied = new Set<number>();
  for (const row of stored) {
    if (row.validToYear !== null && row.validToYear < fromYear) continue;
    const want = wantedByNode.get(row.nodeId);
    const startsLater = row.validFromYear !== null && row.validFromYear > fromYear;
    if (want && !startsLater && !satisfied.has(row.nodeId)) {
      satisfied.add(row.nodeId);
      if (want.isPrimary !== row.isPrimary || row.validToYear !== null)
        plan.keep.push({ id: row.id, isPrimary: want.isPrimary, validToYear: null });
    } else if (row.validFromYear !== null && row.validFromYear >= fromYear) {
      plan.remove.push(row.id);
    } else {
      plan.end.push({ id: row.id, validToYear: fromYear - 1 });
    }
  }
  for (const w of wanted) {
    if (!satisfied.has(w.nodeId)) plan.insert.push({ nodeId: w.nodeId, isPrimary: w.isPrimary, validFromYear: fromYear });
  }
  return plan;
}

/**
 * Adds `wanted` from `fromYear` on and removes nothing (the enterprise import's default): wanted
 * nodes the firm already has in `fromYear` stay as they are; the others start in `fromYear`, primary
 * only when the firm has no membership in that year to keep its primary.
 */
export function planMembershipAddition(
  stored: readonly StoredMembership[],
  wanted: readonly WantedMembership[],
  fromYear: number,
): MembershipPlan {
  const current = stored.filter(
    (m) => coversYear(m, fromYear) || (m.validFromYear !== null && m.validFromYear > fromYear && m.validToYear === null),
  );
  const have = new Set(current.map((m) => m.nodeId));
  const hasPrimary = current.some((m) => m.isPrimary && m.validToYear === null);
  const insert = wanted
    .filter((w) => !have.has(w.nodeId))
    .map((w) => ({ nodeId: w.nodeId, isPrimary: hasPrimary ? false : w.isPrimary, validFromYear: fromYear }));
  if (!hasPrimary && insert.length > 0 && !insert.some((m) => m.isPrimary) && insert[0]) insert[0].isPrimary = true;
  return { remove: [], end: [], keep: [], insert };
}

/**
 * The 规上 years after a change from `fromYear` on: the stored years before it stay, the given
 * years from it on replace the stored ones. `changedPast` lists the years before `fromYear` that
 * the input adds or drops (the caller refuses such an input: the past is changed only by choosing
 * an earlier year).
 */
export function planScaleYears(
  stored: readonly number[],
  input: readonly number[],
  fromYear: number,
): { years: number[]; changedPast: number[] } {
  const storedPast = new Set(stored.filter((y) => y < fromYear));
  const inputPast = new Set(input.filter((y) => y < fromYear));
  const changedPast = [...new Set([...storedPast, ...inputPast])]
    .filter((y) => storedPast.has(y) !== inputPast.has(y))
    .sort((a, b) => a - b);
  const years = [...new Set([...storedPast, ...input.filter((y) => y >= fromYear)])].sort((a, b) => a - b);
  return { years, changedPast };
}
