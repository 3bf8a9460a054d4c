// Rows of the reference master data: regions, parks, industries, chains (with their governance),
// chain nodes and edges, and the demo's yearly chain targets. Pure functions; rows reference
// parks by name and nodes by (chain code, key) so the seeder can resolve database ids.
import type { chainNodes, chains, chainTargets, industries, parks, regions } from '../../db/schema.js';
import { REFERENCE_CHAINS, REFERENCE_INDUSTRIES, REFERENCE_PARKS, REFERENCE_REGIONS } from '../../db/seed/reference-data.js';

export type RegionRow = typeof regions.$inferInsert;
export type ParkRow = Omit<typeof parks.$inferInsert, 'id'>;
export type ParkFocusRow = { parkName: string; chainCode: string };
export type IndustryRow = typeof industries.$inferInsert;
export type ChainRow = typeof chains.$inferInsert;
export type ChainNodeRow = Omit<typeof chainNodes.$inferInsert, 'id'>;
export type ChainEdgeRow = { chainCode: string; fromKey: string; toKey: string };
export type ChainTargetRow = typeof chainTargets.$inferInsert;

/** The first year of the city's chain list (14 chains); CH15 绿色建材 joined in 2023. */
export const FIRST_CHAIN_YEAR = 2022;
const CHAIN_FROM_YEAR: Record<string, number> = { CH15: 2023 };

/** Short names as people say them (and as import files write them). */
const REGION_SHORT_NAMES: Record<string, string> = {
  '430405': '珠晖',
  '430406': '雁峰',
  '430407': '石鼓',
  '430408': '蒸湘',
  '430412': '南岳',
  '430421': '衡阳县',
  '430422': '衡南',
  '430423': '衡山',
  '430424': '衡东',
  '430426': '祁东',
  '430481': '耒阳',
  '430482': '常宁',
  '430471': '衡阳综保区',
  '430472': '衡阳高新区',
  '430473': '松木经开区',
};

/** A park's focus, as worded in parks.json, mapped to the chain it names (外贸加工 names none). */
const FOCUS_CHAIN: Record<string, string> = {
  核技术应用: 'CH01',
  输变电装备: 'CH02',
  电子信息: 'CH03',
  有色金属: 'CH04',
  钢管及深加工: 'CH05',
  盐卤化工: 'CH06',
  新能源: 'CH07',
  新材料: 'CH08',
  生物医药: 'CH09',
  汽车及零部件: 'CH10',
  先进装备制造: 'CH11',
  纺织服装: 'CH12',
  生态绿色食品: 'CH13',
  钟表及精密制造: 'CH14',
  绿色建材: 'CH15',
};

/**
 * Chain governance (链长 title, 链办 lead department, 后盾单位 beyond the common ones). A plausible
 * reconstruction: the city edits it in the application.
 */
const GOVERNANCE: Record<string, { chief: string; office: string; extra: string[]; hosts?: string[] }> = {
  CH01: {
    chief: '市委常委、常务副市长',
    office: '市工业和信息化局',
    extra: ['市科学技术局', '市生态环境局'],
    hosts: ['珠晖区', '衡阳高新区'],
  },
  CH02: { chief: '市委副书记', office: '市工业和信息化局', extra: ['市科学技术局'] },
  CH03: { chief: '市委常委、副市长', office: '市工业和信息化局', extra: ['市商务局', '市人力资源和社会保障局'] },
  CH04: { chief: '市人民政府副市长', office: '市工业和信息化局', extra: ['市生态环境局', '市应急管理局'] },
  CH05: { chief: '市委常委、秘书长', office: '市工业和信息化局', extra: ['市交通运输局'] },
  CH06: { chief: '市人民政府副市长', office: '市工业和信息化局', extra: ['市生态环境局', '市应急管理局'] },
  CH07: { chief: '市委常委、副市长', office: '市发展和改革委员会', extra: ['市科学技术局'] },
  CH08: { chief: '市人大常委会副主任', office: '市工业和信息化局', extra: ['市科学技术局'] },
  CH09: { chief: '市政协副主席', office: '市工业和信息化局', extra: ['市市场监督管理局', '市卫生健康委员会'] },
  CH10: { chief: '市人民政府副市长', office: '市工业和信息化局', extra: ['市商务局'] },
  CH11: { chief: '市人大常委会副主任', office: '市工业和信息化局', extra: ['市科学技术局'] },
  CH12: { chief: '市政协副主席', office: '市工业和信息化局', extra: ['市人力资源和社会保障局'] },
  CH13: { chief: '市人民政府副市长', office: '市农业农村局', extra: ['市市场监督管理局', '市商务局'] },
  CH14: { chief: '市政协副主席', office: '市工业和信息化局', extra: ['市商务局'] },
  CH15: { chief: '市人民政府副市长', office: '市住房和城乡建设局', extra: ['市生态环境局'] },
};
const COMMON_DEPARTMENTS = ['市发展和改革委员会', '市自然资源和规划局', '市财政局', '国网衡阳供电公司'];

/** The chain a park focus label names, if any. */
export function chainOfFocus(label: string): string | undefined {
  return FOCUS_CHAIN[label];
}

/** Regions: the city's 12 county-level divisions (GB/T 2260) and its 3 statistical function zones. */
export function buildRegionRows(): RegionRow[] {
  const divisions: RegionRow[] = REFERENCE_REGIONS.divisions.map((d) => ({
    code: d.code,
    name: d.name,
    shortName: REGION_SHORT_NAMES[d.code] ?? d.name,
    kind: d.kind === 'county-level city' ? 'city' : d.kind,
  }));
  const zones: RegionRow[] = REFERENCE_REGIONS.functionZones.map((z) => ({
    code: z.code,
    name: z.name,
    shortName: REGION_SHORT_NAMES[z.code] ?? z.name,
    kind: 'zone',
  }));
  return [...divisions, ...zones];
}

/** Parks at provincial level or above, area converted from km² to whole hectares. */
export function buildParkRows(): ParkRow[] {
  return REFERENCE_PARKS.map((p) => ({
    name: p.name,
    shortName: p.short,
    level: p.level,
    regionCode: p.region,
    areaHectares: p.areaKm2 === undefined ? null : Math.round(p.areaKm2 * 100),
    establishedOn: p.since ?? null,
    focus: p.focus,
  }));
}

/** Each park's focus chains, from its focus labels. */
export function buildParkFocusRows(): ParkFocusRow[] {
  return REFERENCE_PARKS.flatMap((p) =>
    p.focus.flatMap((label) => {
      const chainCode = chainOfFocus(label);
      return chainCode ? [{ parkName: p.name, chainCode }] : [];
    }),
  );
}

export function buildIndustryRows(): IndustryRow[] {
  return REFERENCE_INDUSTRIES.map((i, index) => ({ code: i.code, group: i.group, name: i.name, sortOrder: index + 1 }));
}

/** Host places of a chain: the parks that name it as a focus, unless the governance table says otherwise. */
function hostPlaces(chainCode: string): string[] {
  const explicit = GOVERNANCE[chainCode]?.hosts;
  if (explicit) return explicit;
  return REFERENCE_PARKS.filter((p) => p.focus.some((label) => chainOfFocus(label) === chainCode)).map((p) => p.short);
}

/**
 * The 15 chains. `withMasters` adds the reference chain-master names, which are demo enterprises
 * (marked "(示例)"), so a real deployment (SEED_DEMO=false) starts without them.
 */
export function buildChainRows(options: { withMasters: boolean }): ChainRow[] {
  return REFERENCE_CHAINS.map((c, index) => {
    const gov = GOVERNANCE[c.code];
    return {
      code: c.code,
      industryCode: c.industry,
      name: c.name,
      validFromYear: CHAIN_FROM_YEAR[c.code] ?? FIRST_CHAIN_YEAR,
      validToYear: null,
      chiefTitle: gov?.chief ?? null,
      office: gov?.office ?? null,
      supportingDepartments: [...COMMON_DEPARTMENTS, ...(gov?.extra ?? [])],
      hostPlaces: hostPlaces(c.code),
      chainMasters: options.withMasters ? c.chainMasters : [],
      sortOrder: index + 1,
    };
  });
}

export function buildChainNodeRows(): ChainNodeRow[] {
  return REFERENCE_CHAINS.flatMap((c) =>
    c.nodes.map((n, index) => ({ chainCode: c.code, key: n.key, name: n.name, stage: n.stage, gbt4754: n.gbt4754, sortOrder: index + 1 })),
  );
}

/** "Feeds" edges; a reference edge naming a node of another chain is a data error and throws. */
export function buildChainEdgeRows(): ChainEdgeRow[] {
  return REFERENCE_CHAINS.flatMap((c) => {
    const keys = new Set(c.nodes.map((n) => n.key));
    return c.nodes.flatMap((n) =>
      n.feeds.map((to) => {
        if (!keys.has(to)) throw new Error(`chain ${c.code}: node ${n.key} feeds unknown node ${to}`);
        return { chainCode: c.code, fromKey: n.key, toKey: to };
      }),
    );
  });
}

/**
 * Demo yearly targets for every year a chain is on the list (2022–2026): annual gross output about
 * 2.2 times its demo Jan–Jun 2024 output, moved by 6% a year, rounded to 亿元; growth target
 * half the chain's demo growth plus 5 points, between 5% and 15%.
 */
export function buildChainTargetRows(lastYear: number): ChainTargetRow[] {
  return REFERENCE_CHAINS.flatMap((c) => {
    const rows: ChainTargetRow[] = [];
    for (let year = CHAIN_FROM_YEAR[c.code] ?? FIRST_CHAIN_YEAR; year <= lastYear; year += 1) {
      const factor = 1 + 0.06 * (year - 2024);
      const outputYi = Math.round(c.demoH1_2024.outputYi * 2.2 * factor);
      const growth = Math.min(0.15, Math.max(0.05, Math.round((c.demoH1_2024.yoy / 2 + 0.05) * 100) / 100));
      rows.push({ chainCode: c.code, year, outputTargetYuan: outputYi * 100_000_000, growthTarget: growth });
    }
    return rows;
  });
}
