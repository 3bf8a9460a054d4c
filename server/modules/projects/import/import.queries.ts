// SQL of the project imports: what the rows are checked against, and the ids of the projects a file names.
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { chainNodes, chains, investors, parks, projects, regions } from '../../../db/schema.js';

export async function selectImportRefs(db: Db) {
  const [chainRows, nodeRows, regionRows, parkRows, investorRows] = await Promise.all([
    db.select({ code: chains.code, name: chains.name }).from(chains),
    db.select({ id: chainNodes.id, chainCode: chainNodes.chainCode, key: chainNodes.key, name: chainNodes.name }).from(chainNodes),
    db.select({ code: regions.code, name: regions.name }).from(regions),
    db.select({ id: parks.id, shortName: parks.shortName, name: parks.name }).from(parks),
    db
      .select({ id: investors.id, uscc: investors.uscc })
      .from(investors)
      .where(sql`${investors.uscc} IS NOT NULL`),
  ]);
  return { chainRows, nodeRows, regionRows, parkRows, investorRows };
}

/** The projects among `ids`, with what their scope check needs. */
export async function selectProjectsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: projects.id,
      chainCode: projects.chainCode,
      regionCode: projects.regionCode,
      parkId: projects.parkId,
      enterpriseUscc: projects.enterpriseUscc,
      createdBy: projects.createdBy,
    })
    .from(projects)
    .where(inArray(projects.id, ids));
}
