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

export type FirmRow = {
  uscc: string;
  name: string;
  regionCode: string;
  parkId: number | null;
  /** Chain node ids; the first is the primary membership. */
  nodeIds: readonly number[];
  scaleYears: readonly number[];
};

/** Writes firms with their memberships and 规上 years straight into the tables (no service, no audit). */
export async function insertFirms(db: Db, firms: readonly FirmRow[]): Promise<void> {
  await db.insert(enterprises).values(firms.map(({ uscc, name, regionCode, parkId }) => ({ uscc, name, regionCode, parkId })));
  const memberships = firms.flatMap((f) => f.nodeIds.map((nodeId, i) => ({ uscc: f.uscc, nodeId, isPrimary: i === 0 })));
  if (memberships.length > 0) await db.insert(enterpriseMemberships).values(memberships);
  const years = firms.flatMap((f) => f.scaleYears.map((year) => ({ uscc: f.uscc, year })));
  if (years.length > 0) await db.insert(enterpriseScaleYears).values(years);
}

/** Creates a firm with its memberships and 规上 years; returns its USCC. */
export async function buildFirm(db: Db, spec: FirmSpec): Promise<string> {
  firmCounter += 1;
  const uscc = makeUscc(`91430408${String(firmCounter).padStart(8, '0')}`);
  const name = spec.name ?? `测试企业${firmCounter}(示例)`;
  await db.transaction(async (tx) => {
    const park = spec.parkShortName ? (await tx.select().from(parks).where(eq(parks.shortName, spec.parkShortName)))[0] : undefined;
    const nodeIds: number[] = [];
    for (const ref of spec.nodes) {
      const [chainCode = '', key = ''] = ref.split(':');
      const [node] = await tx
        .select()
        .from(chainNodes)
        .where(and(eq(chainNodes.chainCode, chainCode), eq(chainNodes.key, key)));
      if (!node) throw new Error(`no node ${ref}`);
      nodeIds.push(node.id);
    }
    const firm = { uscc, name, regionCode: spec.regionCode ?? '430408', parkId: park?.id ?? null };
    await insertFirms(tx, [{ ...firm, nodeIds, scaleYears: spec.aboveScaleYears ?? [] }]);
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
