// The demo's design choices in one place: chain masters, two-chain firms, nodes left empty (gaps),
// how many firms each chain has and how firms enter and leave the 规上 名录.
import type { Lifecycle } from './demo-types.js';

/** Seed of the demo dataset: change it and every number changes (the calibration still holds). */
export const DEMO_SEED = 20240630;

/** Published anchor: Jan–Jun 2024 deduplicated gross output of all chain enterprises, 元 (855.04亿元). */
export const DEDUPLICATED_H1_2024 = 85_504_000_000;

export type MasterSetup = {
  chainCode: string;
  name: string;
  nodeKey: string;
  /** Share of the chain's single-chain Jan–Jun 2024 output. */
  share: number;
  regionCode: string;
  parkName: string | null;
  listed: boolean;
};

/** The reference chain masters (names from chains.json), where they sit and how large they are. */
export const MASTERS: readonly MasterSetup[] = [
  { chainCode: 'CH01', name: '衡核铀业(示例)', nodeKey: 'fuel', share: 0.3, regionCode: '430405', parkName: null, listed: false },
  { chainCode: 'CH01', name: '雁城核材料(示例)', nodeKey: 'rare', share: 0.15, regionCode: '430405', parkName: null, listed: false },
  {
    chainCode: 'CH02',
    name: '衡州变压器(示例)',
    nodeKey: 'xfmr',
    share: 0.42,
    regionCode: '430472',
    parkName: '衡阳高新技术产业开发区',
    listed: true,
  },
  {
    chainCode: 'CH03',
    name: '雁城精密电子(示例)',
    nodeKey: 'terminal',
    share: 0.48,
    regionCode: '430406',
    parkName: '湖南衡阳白沙洲工业园区',
    listed: true,
  },
  {
    chainCode: 'CH04',
    name: '湘南有色冶炼(示例)',
    nodeKey: 'pbzn',
    share: 0.3,
    regionCode: '430482',
    parkName: '湖南常宁水口山经济开发区',
    listed: false,
  },
  {
    chainCode: 'CH04',
    name: '蒸湘铜业(示例)',
    nodeKey: 'cu',
    share: 0.22,
    regionCode: '430482',
    parkName: '湖南常宁水口山经济开发区',
    listed: false,
  },
  {
    chainCode: 'CH05',
    name: '衡岳钢管(示例)',
    nodeKey: 'pipe',
    share: 0.62,
    regionCode: '430472',
    parkName: '衡阳高新技术产业开发区',
    listed: true,
  },
  { chainCode: 'CH06', name: '衡南盐矿(示例)', nodeKey: 'salt', share: 0.14, regionCode: '430421', parkName: null, listed: false },
  {
    chainCode: 'CH06',
    name: '雁峰盐化(示例)',
    nodeKey: 'alkali',
    share: 0.26,
    regionCode: '430473',
    parkName: '湖南衡阳松木经济开发区',
    listed: true,
  },
  {
    chainCode: 'CH07',
    name: '衡湘储能(示例)',
    nodeKey: 'storage',
    share: 0.22,
    regionCode: '430473',
    parkName: '湖南衡阳松木经济开发区',
    listed: false,
  },
  {
    chainCode: 'CH08',
    name: '白沙洲轻合金(示例)',
    nodeKey: 'metal',
    share: 0.18,
    regionCode: '430406',
    parkName: '湖南衡阳白沙洲工业园区',
    listed: false,
  },
  {
    chainCode: 'CH10',
    name: '回雁动力泵业(示例)',
    nodeKey: 'power',
    share: 0.28,
    regionCode: '430423',
    parkName: '湖南衡山经济开发区',
    listed: true,
  },
];

export type OverlapPair = { a: readonly [string, string]; b: readonly [string, string]; yi: number; firms: number };

/**
 * Firms in two chains (primary membership `a`), joined where two nodes share GB/T 4754 classes.
 * `yi` is the pair's rough Jan–Jun 2024 output; all pairs are scaled together so the overlap is
 * exactly Σ chain outputs − deduplicated total = 943.5亿 − 855.04亿 = 88.46亿元.
 */
export const OVERLAP_PAIRS: readonly OverlapPair[] = [
  { a: ['CH04', 'cuproc'], b: ['CH02', 'cu'], yi: 30.5, firms: 6 },
  { a: ['CH02', 'tower'], b: ['CH05', 'struct'], yi: 5, firms: 3 },
  { a: ['CH05', 'struct'], b: ['CH02', 'steel'], yi: 4, firms: 2 },
  { a: ['CH05', 'auto'], b: ['CH10', 'power'], yi: 8, firms: 4 },
  { a: ['CH04', 'alloy'], b: ['CH08', 'metal'], yi: 5, firms: 3 },
  { a: ['CH08', 'metal'], b: ['CH01', 'mat'], yi: 1.5, firms: 1 },
  { a: ['CH06', 'echem'], b: ['CH03', 'ccl'], yi: 5, firms: 3 },
  { a: ['CH04', 'chem'], b: ['CH06', 'inorg'], yi: 10, firms: 4 },
  { a: ['CH07', 'li'], b: ['CH06', 'inorg'], yi: 4, firms: 3 },
  { a: ['CH04', 'scrap'], b: ['CH07', 'ev'], yi: 3, firms: 3 },
  { a: ['CH07', 'ev'], b: ['CH10', 'after'], yi: 1.5, firms: 2 },
  { a: ['CH11', 'cast'], b: ['CH10', 'mat'], yi: 4, firms: 4 },
  { a: ['CH03', 'terminal'], b: ['CH14', 'smart'], yi: 2.5, firms: 2 },
  { a: ['CH15', 'mineral'], b: ['CH08', 'raw'], yi: 2, firms: 2 },
  { a: ['CH08', 'carbon'], b: ['CH07', 'li'], yi: 1.5, firms: 2 },
  { a: ['CH05', 'deep'], b: ['CH08', 'part'], yi: 1, firms: 2 },
];

/** Nodes with no local enterprise at all (缺链), so the gap analysis has something to find. */
export const GAP_NODES: Readonly<Record<string, readonly string[]>> = {
  CH01: ['med'],
  CH02: ['pe'],
  CH03: ['comm'],
  CH06: ['pvc'],
  CH07: ['cell'],
  CH08: ['ceramic'],
  CH09: ['bio'],
  CH10: ['vehicle'],
  CH12: ['shoe'],
  CH13: ['cold'],
  CH14: ['brand'],
  CH15: ['deco'],
};

/** Single-chain firms in each chain's 2024 名录 (masters included). */
export const SINGLE_FIRMS_2024: Readonly<Record<string, number>> = {
  CH01: 24,
  CH02: 140,
  CH03: 115,
  CH04: 150,
  CH05: 90,
  CH06: 85,
  CH07: 60,
  CH08: 70,
  CH09: 60,
  CH10: 85,
  CH11: 80,
  CH12: 60,
  CH13: 85,
  CH14: 30,
  CH15: 60,
};

/** Firms outside the 2024 名录 per chain, as a share of its 2024 single-chain firms. */
export const OUT_OF_2024_SHARE = 0.21;

/** Enterprises in no chain (other 规上 industries). */
export const OTHER_FIRMS = 30;

/** Lifecycles of firms in the 2024 名录, with weights. */
export const IN_2024_LIFECYCLES: readonly (readonly [Lifecycle, number])[] = [
  [{ kind: 'stable' }, 0.8],
  [{ kind: 'entrant', year: 2023 }, 0.035],
  [{ kind: 'newPlant', year: 2023, start: '' }, 0.02],
  [{ kind: 'entrant', year: 2024 }, 0.05],
  [{ kind: 'newPlant', year: 2024, start: '' }, 0.03],
  [{ kind: 'leaver', lastYear: 2024 }, 0.035],
  [{ kind: 'leaver', lastYear: 2025 }, 0.03],
];

/** Lifecycles of firms outside the 2024 名录 (left before, or entered after), with weights. */
export const OUT_OF_2024_LIFECYCLES: readonly (readonly [Lifecycle, number])[] = [
  [{ kind: 'leaver', lastYear: 2022 }, 0.2],
  [{ kind: 'leaver', lastYear: 2023 }, 0.2],
  [{ kind: 'entrant', year: 2025 }, 0.2],
  [{ kind: 'newPlant', year: 2025, start: '' }, 0.1],
  [{ kind: 'entrant', year: 2026 }, 0.18],
  [{ kind: 'newPlant', year: 2026, start: '' }, 0.12],
];

/** Probability that a firm of the chain is a 高新技术企业. */
export const HIGH_TECH_SHARE: Readonly<Record<string, number>> = {
  CH01: 0.5,
  CH02: 0.35,
  CH03: 0.45,
  CH07: 0.5,
  CH08: 0.35,
  CH09: 0.4,
  CH10: 0.3,
  CH11: 0.3,
  CH14: 0.2,
};

/** Where firms outside parks are registered (weights), by county-level division. */
export const REGION_WEIGHTS: readonly (readonly [string, number])[] = [
  ['430405', 8],
  ['430406', 6],
  ['430407', 6],
  ['430408', 7],
  ['430412', 2],
  ['430421', 10],
  ['430422', 10],
  ['430423', 6],
  ['430424', 8],
  ['430426', 8],
  ['430481', 12],
  ['430482', 10],
];
