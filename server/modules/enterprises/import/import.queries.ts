// SQL of the enterprise import: the stored state of the firms a file names, and the batched upsert.
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { enterprises } from '../../../db/schema.js';
import { scaleYearsOf, type EnterpriseWrite } from '../enterprises.queries.js';
import { pushAll } from '../../../../shared/arrays.js';

/** Inserts new firms or rewrites existing ones (by USCC), in chunks below the bind-parameter limit. */
export async function upsertEnterprises(db: Db, rows: readonly EnterpriseWrite[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(enterprises)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: enterprises.uscc,
        set: {
          name: sql`excluded.name`,
          regionCode: sql`excluded.region_code`,
          parkId: sql`excluded.park_id`,
          gbt4754Code: sql`excluded.gbt4754_code`,
          isChainMaster: sql`excluded.is_chain_master`,
          isSpecialized: sql`excluded.is_specialized`,
          isHighTech: sql`excluded.is_high_tech`,
          isListed: sql`excluded.is_listed`,
          // An import is an edit too: a form opened before it answers 409 (optimistic locking).
          version: sql`${enterprises.version} + 1`,
          updatedAt: sql`now()`,
        },
      });
  }
}

/** Existing firms among `usccs`, with their 规上 years and memberships, to compare with an import. */
export async function selectEnterpriseStates(db: Db, usccs: string[]): Promise<(EnterpriseWrite & { aboveScaleYears: number[] })[]> {
  const result: (EnterpriseWrite & { aboveScaleYears: number[] })[] = [];
  for (let i = 0; i < usccs.length; i += 5000) {
    const rows = await db
      .select({
        uscc: enterprises.uscc,
        name: enterprises.name,
        regionCode: enterprises.regionCode,
        parkId: enterprises.parkId,
        gbt4754Code: enterprises.gbt4754Code,
        isChainMaster: enterprises.isChainMaster,
        isSpecialized: enterprises.isSpecialized,
        isHighTech: enterprises.isHighTech,
        isListed: enterprises.isListed,
        aboveScaleYears: scaleYearsOf,
      })
      .from(enterprises)
      .where(inArray(enterprises.uscc, usccs.slice(i, i + 5000)));
    pushAll(result, rows);
  }
  return result;
}
