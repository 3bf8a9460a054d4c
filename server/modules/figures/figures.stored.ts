import type { Db } from '../../db/client.js';
import { selectCombinedMarks, selectFirmFacts, selectStoredFigures, type FirmFacts } from './figures.queries.js';
import type { StoredMonth } from './import/import.derive.js';

export type StoredState = {
  /** Stored months by USCC, then period. */
  stored: Map<string, Map<string, StoredMonth>>;
  /** `${uscc}|YYYY-02` of Februaries holding the combined 1–2月 figure. */
  marks: Set<string>;
};

/** The stored months and combined marks of some firms between two periods, as imports and entries compare them. */
export async function loadStored(db: Db, usccs: readonly string[], from: string, to: string): Promise<StoredState> {
  const [rows, marks] = await Promise.all([selectStoredFigures(db, usccs, from, to), selectCombinedMarks(db, usccs, from, to)]);
  const stored = new Map<string, Map<string, StoredMonth>>();
  // The driver's row objects are kept as the stored months (their uscc and period along: no copy of each).
  for (const month of rows) {
    let byPeriod = stored.get(month.uscc);
    if (!byPeriod) {
      byPeriod = new Map();
      stored.set(month.uscc, byPeriod);
    }
    byPeriod.set(month.period, month);
  }
  return { stored, marks: new Set(marks.map((m) => `${m.uscc}|${m.period}`)) };
}

/** A firm's name, region and chains as the figures screens show them, or undefined when there is no such firm. */
export async function firmFactsOf(db: Db, uscc: string): Promise<FirmFacts | undefined> {
  const [firm] = await selectFirmFacts(db, [uscc]);
  return firm;
}
