// Test data for the master-data API tests: firms attached to chain nodes, written straight to the
// tables (the enterprise module owns the firm API) inside a transaction.
import { and, eq, sql } from 'drizzle-orm';
import type { CreateChainRequest } from '../../../shared/contracts/chains.js';
import { makeUscc } from '../../../shared/uscc.js';
import type { Db } from '../../db/client.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { createChain } from '../../modules/chains/chains.service.js';
import { chainNodes, enterpriseMemberships, enterprises, enterpriseScaleYears, parks } from '../../db/schema.js';

let firmCounter = 0;

/** Creates a chain through the service (on the city's list from 2024, no governance facts); returns its code. */
export async function buildChain(db: Db, code: string, overrides: Partial<CreateChainRequest> = {}): Promise<string> {
  await createChain(db, SYSTEM_ACTOR, {
    code,
    name: `测试产业链${code}`,
    industryCode: 'E1',
    validFromYear: 2024,
    validToYear: null,
    chiefTitle: null,
    office: null,
    supportingDepartments: [],
    hostPlaces: [],
    chainMasters: [],
    sortOrder: 900,
    ...overrides,
  });
  return code;
}

export type FirmSpec = {
  name?: string;
  regionCode?: string;
  parkShortName?: string;
  /** `CH02:xfmr` references; the first is the primary membership. */
  nodes: string[];
  aboveScaleYears?: number[];
};

/** Creates a firm with its memberships and 规上 years; returns its USCC. */
export async function buildFirm(db: Db, spec: FirmSpec): Promise<string> {
  firmCounter += 1;
  const uscc = makeUscc(`91430408${String(firmCounter).padStart(8, '0')}`);
  await db.transaction(async (tx) => {
    const park = spec.parkShortName ? (await tx.select().from(parks).where(eq(parks.shortName, spec.parkShortName)))[0] : undefined;
    await tx.insert(enterprises).values({
      uscc,
      name: spec.name ?? `测试企业${firmCounter}(示例)`,
      regionCode: spec.regionCode ?? '430408',
      parkId: park?.id ?? null,
    });
    for (const [index, ref] of spec.nodes.entries()) {
      const [chainCode = '', key = ''] = ref.split(':');
      const [node] = await tx
        .select()
        .from(chainNodes)
        .where(and(eq(chainNodes.chainCode, chainCode), eq(chainNodes.key, key)));
      if (!node) throw new Error(`no node ${ref}`);
      await tx.insert(enterpriseMemberships).values({ uscc, nodeId: node.id, isPrimary: index === 0 });
    }
    for (const year of spec.aboveScaleYears ?? []) await tx.insert(enterpriseScaleYears).values({ uscc, year });
  });
  return uscc;
}

/** Audit rows of one entity, oldest first. */
export async function auditRows(db: Db, entity: string, entityId: string): Promise<{ action: string; before: unknown; after: unknown }[]> {
  const result = await db.execute<{ action: string; before: unknown; after: unknown }>(
    sql`SELECT action, before, after FROM audit_log WHERE entity = ${entity} AND entity_id = ${entityId} ORDER BY at, id`,
  );
  return result.rows;
}
