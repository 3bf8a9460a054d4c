// Who may read the city's monitoring statistics, and which firms their figures cover.
import { dataScopeOf, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import type { Db } from '../../db/client.js';
import { selectParkRefs } from './monitoring.queries.js';
import { NO_FILTER, type FirmFilter } from './monitoring.sql.js';

export function canViewMonitoring(actor: Actor): boolean {
  return actor.role !== 'enterprise';
}

/**
 * The firms an actor's statistics cover, from the data scope:
 * - 市领导/管理员: every chain firm;
 * - 链长/链办: the firms of their chains (only those chains are listed);
 * - 县市区: the firms registered in their regions (enterprises.region_code), within every chain;
 * - 园区: the firms located in their parks (enterprises.park_id); a park scope ref may be the park's
 *   id (as text), its full name or its short name, so accounts made either way work;
 * - 后盾单位: every chain firm, read-only. Supporting departments resolve problems across chains
 *   and need the whole picture; the statistics contain no per-department data to restrict.
 * An actor whose scope names nothing sees nothing (empty lists, not "no restriction").
 */
export function monitoringFilterOf(actor: Actor): FirmFilter {
  const scope = dataScopeOf(actor);
  if (scope.all) return NO_FILTER;
  switch (scope.kind) {
    case 'chain':
      return { ...NO_FILTER, chainCodes: scope.refs };
    case 'region':
      return { ...NO_FILTER, regionCodes: scope.refs };
    case 'park':
      return { ...NO_FILTER, parkRefs: scope.refs };
    case 'department':
      return NO_FILTER;
    case 'enterprise':
      return { ...NO_FILTER, chainCodes: [] };
  }
}

/**
 * Narrows a scope allow-list (null = no restriction) to one requested value; asking for something
 * outside the scope is forbidden rather than answered with nothing.
 */
export function narrowScope(allowed: readonly string[] | null, requested: string | undefined): readonly string[] | null {
  if (requested === undefined) return allowed;
  requireAccess(allowed === null || allowed.includes(requested));
  return [requested];
}

/**
 * The park a request asks for, checked against a park scope (refs name a park by id, full or short
 * name): another park is forbidden, as another chain or county is.
 */
export async function narrowPark(db: Db, scope: FirmFilter, requested: number | undefined): Promise<number | null> {
  if (requested === undefined) return null;
  if (scope.parkRefs !== null) {
    const park = await selectParkRefs(db, requested);
    const refs = new Set(scope.parkRefs);
    requireAccess(
      park !== null && (refs.has(String(park.id)) || refs.has(park.name) || (park.shortName !== null && refs.has(park.shortName))),
    );
  }
  return requested;
}

/**
 * The caller's data scope narrowed to the chain, county and park a request asks for (each checked
 * against the scope: asking outside it is forbidden): the firms a monitoring or warnings answer covers.
 */
export async function narrowedFilterOf(
  db: Db,
  scope: FirmFilter,
  query: { chain?: string; region?: string; park?: number },
): Promise<FirmFilter> {
  return {
    ...scope,
    chainCodes: narrowScope(scope.chainCodes, query.chain),
    regionCodes: narrowScope(scope.regionCodes, query.region),
    parkId: await narrowPark(db, scope, query.park),
  };
}
