// Resolving what people type for a region, a park or a chain node into database keys. Forms send
// codes; import files may write a region as 430421, 衡阳县 or its short name, and a park as its id,
// full name (衡阳高新技术产业开发区) or short name (衡阳高新区).
import type { NodeRef, ParkRef, RegionRef } from './enterprises.queries.js';

export type ReferenceLookups = {
  region: (text: string) => RegionRef | undefined;
  park: (text: string) => ParkRef | undefined;
  parkById: (id: number) => ParkRef | undefined;
  chainExists: (code: string) => boolean;
  node: (chainCode: string, key: string) => NodeRef | undefined;
};

/** Full-width characters and spaces people paste from documents, folded so "衡阳县 " matches "衡阳县". */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

export function buildLookups(refs: {
  regions: RegionRef[];
  parks: ParkRef[];
  chains: { code: string }[];
  nodes: NodeRef[];
}): ReferenceLookups {
  const regionIndex = new Map<string, RegionRef>();
  for (const r of refs.regions) {
    for (const key of [r.code, normaliseName(r.name), normaliseName(r.shortName)]) if (!regionIndex.has(key)) regionIndex.set(key, r);
  }
  const parkIndex = new Map<string, ParkRef>();
  for (const p of refs.parks) {
    for (const key of [String(p.id), normaliseName(p.name), normaliseName(p.shortName)]) if (!parkIndex.has(key)) parkIndex.set(key, p);
  }
  const parkIds = new Map(refs.parks.map((p) => [p.id, p]));
  const chainCodes = new Set(refs.chains.map((c) => c.code));
  const nodeIndex = new Map(refs.nodes.map((n) => [`${n.chainCode}:${n.key}`, n]));
  return {
    region: (text) => regionIndex.get(normaliseName(text)),
    park: (text) => parkIndex.get(normaliseName(text)),
    parkById: (id) => parkIds.get(id),
    chainExists: (code) => chainCodes.has(code.toUpperCase()),
    node: (chainCode, key) => nodeIndex.get(`${chainCode.toUpperCase()}:${key.toLowerCase()}`),
  };
}
