// The demo's enterprises: who they are, where they sit, which chain nodes they belong to and how
// they move through the 规上 名录. Sizes are set later by the calibration.
import { makeUscc, USCC_CHARSET } from '../../../shared/uscc.js';
import type { DemoFirm, DemoMembership, Lifecycle, SizeClass } from './demo-types.js';
import {
  GAP_NODES,
  HIGH_TECH_SHARE,
  IN_2024_LIFECYCLES,
  MASTERS,
  OTHER_FIRMS,
  OUT_OF_2024_LIFECYCLES,
  OUT_OF_2024_SHARE,
  OVERLAP_PAIRS,
  REGION_WEIGHTS,
  SINGLE_FIRMS_2024,
} from './demo-setup.js';
import { chainOfFocus } from './master-rows.js';
import { makeDemoName, nodeWord, OTHER_INDUSTRIES } from './names.js';
import { createRandom, type Random } from './prng.js';
import { REFERENCE_CHAINS, REFERENCE_PARKS, referenceChain } from '../../db/seed/reference-data.js';

type Draft = Omit<DemoFirm, 'uscc' | 'name' | 'regionCode' | 'parkName' | 'isSpecialized' | 'isHighTech'> & {
  fixedName?: string;
  fixedPlace?: { regionCode: string; parkName: string | null };
};

function period(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** A new plant entering the 名录 in `year` starts producing between July of the year before and March. */
function drawLifecycle(random: Random, options: readonly (readonly [Lifecycle, number])[]): Lifecycle {
  const picked = random.weighted(options);
  if (picked.kind !== 'newPlant') return picked;
  const offset = random.int(0, 8);
  const start = offset < 6 ? period(picked.year - 1, 7 + offset) : period(picked.year, offset - 5);
  return { kind: 'newPlant', year: picked.year, start };
}

function gbtOf(random: Random, chainCode: string, nodeKey: string): string {
  const node = referenceChain(chainCode).nodes.find((n) => n.key === nodeKey);
  if (!node) throw new Error(`unknown node ${chainCode}:${nodeKey}`);
  return random.pick(node.gbt4754);
}

/** Chain masters: single-chain, stable, with a fixed share of their chain. */
function masterDrafts(random: Random): Draft[] {
  return MASTERS.map((m) => ({
    memberships: [{ chainCode: m.chainCode, nodeKey: m.nodeKey }],
    gbt4754Code: gbtOf(random, m.chainCode, m.nodeKey),
    isChainMaster: true,
    isListed: m.listed,
    lifecycle: { kind: 'stable' },
    size: 'master',
    weight: m.share,
    minimum: 0,
    fixedName: m.name,
    fixedPlace: { regionCode: m.regionCode, parkName: m.parkName },
  }));
}

/** Two-chain firms: stable, their weight is their share of the whole overlap. */
function overlapDrafts(random: Random): Draft[] {
  return OVERLAP_PAIRS.flatMap((pair) => {
    const shares = Array.from({ length: pair.firms }, () => random.heavyTail());
    const total = shares.reduce((s, x) => s + x, 0);
    const nodeA = referenceChain(pair.a[0]).nodes.find((n) => n.key === pair.a[1]);
    const nodeB = referenceChain(pair.b[0]).nodes.find((n) => n.key === pair.b[1]);
    const shared = nodeA?.gbt4754.find((code) => nodeB?.gbt4754.includes(code)) ?? nodeA?.gbt4754[0] ?? '';
    return shares.map((share) => ({
      memberships: [
        { chainCode: pair.a[0], nodeKey: pair.a[1] },
        { chainCode: pair.b[0], nodeKey: pair.b[1] },
      ],
      gbt4754Code: shared,
      isChainMaster: false,
      isListed: false,
      lifecycle: { kind: 'stable' },
      size: 'overlap',
      weight: (pair.yi * share) / total,
      minimum: 0,
    }));
  });
}

function inScopeSize(lifecycle: Lifecycle): SizeClass {
  return lifecycle.kind === 'stable' || lifecycle.kind === 'newPlant' ? 'regular' : 'small';
}

/**
 * Floor of the Jan–Jun 2024 output: entrants just above the 2000万/year line, firms about to leave
 * just under it (a 退规风险 warning), firms outside the 2024 名录 below it.
 */
function minimumOf(random: Random, lifecycle: Lifecycle, inScope: boolean): number {
  if (inScope && lifecycle.kind === 'leaver') return random.range(8e6, 10.5e6);
  if (inScope) return lifecycle.kind === 'stable' || lifecycle.kind === 'newPlant' ? random.range(11e6, 20e6) : random.range(10.2e6, 14e6);
  if (lifecycle.kind === 'newPlant') return random.range(15e6, 60e6);
  if (lifecycle.kind === 'entrant') return lifecycle.year === 2025 ? random.range(6.5e6, 9.5e6) : random.range(5.5e6, 8.5e6);
  return random.range(6e6, 9.5e6);
}

/** Single-chain firms of one chain: every non-gap node gets at least one firm in the 2024 名录. */
function chainDrafts(random: Random, chainCode: string): Draft[] {
  const chain = referenceChain(chainCode);
  const gaps = GAP_NODES[chainCode] ?? [];
  const nodes = chain.nodes.filter((n) => !gaps.includes(n.key));
  const nodeWeights = nodes.map((n) => [n.key, random.range(0.5, 2)] as const);
  const masters = MASTERS.filter((m) => m.chainCode === chainCode).length;
  const inScope = (SINGLE_FIRMS_2024[chainCode] ?? 0) - masters;
  const outOfScope = Math.round((inScope + masters) * OUT_OF_2024_SHARE);
  const drafts: Draft[] = [];
  for (let i = 0; i < inScope + outOfScope; i += 1) {
    const isIn = i < inScope;
    const nodeKey = isIn && i < nodes.length ? (nodes[i]?.key ?? '') : random.weighted(nodeWeights);
    const lifecycle = drawLifecycle(random, isIn ? IN_2024_LIFECYCLES : OUT_OF_2024_LIFECYCLES);
    const size = isIn ? inScopeSize(lifecycle) : 'small';
    const heavy = random.heavyTail();
    drafts.push({
      memberships: [{ chainCode, nodeKey }],
      gbt4754Code: gbtOf(random, chainCode, nodeKey),
      isChainMaster: false,
      isListed: false,
      lifecycle,
      size,
      weight: lifecycle.kind === 'newPlant' ? heavy * 0.4 : heavy,
      minimum: minimumOf(random, lifecycle, isIn),
    });
  }
  return drafts;
}

function otherDrafts(random: Random): Draft[] {
  return Array.from({ length: OTHER_FIRMS }, () => ({
    memberships: [],
    gbt4754Code: random.pick(OTHER_INDUSTRIES)[1],
    isChainMaster: false,
    isListed: false,
    lifecycle: { kind: 'stable' },
    size: 'other',
    weight: random.heavyTail(),
    minimum: random.range(12e6, 30e6),
  }));
}

/** Parks that name the chain as a focus. */
function focusParks(chainCode: string): string[] {
  return REFERENCE_PARKS.filter((p) => p.focus.some((label) => chainOfFocus(label) === chainCode)).map((p) => p.name);
}

/** Half the firms sit in a park that focuses on their chain, some in another park, the rest outside parks. */
function drawPlace(random: Random, memberships: DemoMembership[]): { regionCode: string; parkName: string | null } {
  const preferred = memberships[0] ? focusParks(memberships[0].chainCode) : [];
  const roll = random.next();
  let parkName: string | null = null;
  if (preferred.length > 0 && roll < 0.5) parkName = random.pick(preferred);
  else if (roll < 0.65) parkName = random.pick(REFERENCE_PARKS).name;
  if (parkName === null) return { regionCode: random.weighted(REGION_WEIGHTS), parkName };
  const park = REFERENCE_PARKS.find((p) => p.name === parkName);
  // A park's region is where its firms are counted (its function-zone code for 高新区, 综保区, 松木; parks.json).
  return { regionCode: park?.region ?? '430400', parkName };
}

/** A unique valid 统一社会信用代码 registered in the firm's region: newer ones carry an MA… body. */
function drawUscc(random: Random, regionCode: string, taken: Set<string>): string {
  const letters = USCC_CHARSET.split('');
  const digits = letters.slice(0, 10);
  for (;;) {
    const body = random.chance(0.7)
      ? `MA4${Array.from({ length: 5 }, () => random.pick(letters)).join('')}`
      : `${random.pick(['5', '6', '7'])}${Array.from({ length: 7 }, () => random.pick(digits)).join('')}`;
    const uscc = makeUscc(`91${regionCode}${body}`);
    if (!taken.has(uscc)) {
      taken.add(uscc);
      return uscc;
    }
  }
}

/**
 * Builds every demo enterprise: chain masters, two-chain firms, each chain's single-chain firms
 * (entrants, new plants, leavers and stable firms) and a few firms outside the chains. Names end
 * with "(示例)", USCCs are valid and carry the firm's region code at positions 3–8.
 */
export function buildPopulation(seed: number): DemoFirm[] {
  const random = createRandom(seed, 'population');
  const drafts: Draft[] = [
    ...masterDrafts(random),
    ...overlapDrafts(random),
    ...REFERENCE_CHAINS.flatMap((c) => chainDrafts(createRandom(seed, `chain:${c.code}`), c.code)),
    ...otherDrafts(random),
  ];
  const names = new Set<string>();
  const codes = new Set<string>();
  const listedLeaders = new Set(['CH03', 'CH04', 'CH09', 'CH13']);
  return drafts.map((draft, index) => {
    const r = createRandom(seed, `firm:${index}`);
    const primary = draft.memberships[0];
    const place = draft.fixedPlace ?? drawPlace(r, draft.memberships);
    const word = primary
      ? nodeWord(r, primary.chainCode, primary.nodeKey)
      : (OTHER_INDUSTRIES.find(([, code]) => code === draft.gbt4754Code)?.[0] ?? '实业');
    const bigRegular = draft.size === 'regular' && draft.weight > 150 && primary !== undefined && listedLeaders.has(primary.chainCode);
    const isListed = draft.isListed || bigRegular;
    const name = draft.fixedName ?? makeDemoName(r, { regionCode: place.regionCode, word, listed: isListed }, names);
    names.add(name);
    const highTechShare = primary ? (HIGH_TECH_SHARE[primary.chainCode] ?? 0.12) : 0.05;
    const { fixedName: _name, fixedPlace: _place, ...rest } = draft;
    return {
      ...rest,
      uscc: drawUscc(r, place.regionCode, codes),
      name,
      regionCode: place.regionCode,
      parkName: place.parkName,
      isListed,
      isHighTech: draft.isChainMaster || r.chance(highTechShare),
      isSpecialized: !draft.isChainMaster && r.chance(draft.size === 'regular' || draft.size === 'overlap' ? 0.09 : 0.03),
    };
  });
}
