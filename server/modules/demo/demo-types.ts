// Shapes shared by the parts of the demo generator.

/**
 * How a firm moves through the yearly 规上 名录:
 * - stable: in scope 2022–2026, reports every month;
 * - entrant: enters in `year` and reported (below scale) from January of the year before, so its
 *   prior-year figures exist and it counts on the comparable basis;
 * - newPlant: a new plant entering in `year` whose first report is `start`; without a full
 *   prior-year period it is excluded from comparable growth (and counted);
 * - leaver: in scope 2022…`lastYear`, reports until December of `lastYear`.
 */
export type Lifecycle =
  | { kind: 'stable' }
  | { kind: 'entrant'; year: number }
  | { kind: 'newPlant'; year: number; start: string }
  | { kind: 'leaver'; lastYear: number };

/** How a firm's Jan–Jun 2024 output is set: a chain master's share, a heavy-tailed share, a small firm near the line, a two-chain firm, or a firm outside the chains. */
export type SizeClass = 'master' | 'regular' | 'small' | 'overlap' | 'other';

export type DemoMembership = { chainCode: string; nodeKey: string };

export type DemoFirm = {
  uscc: string;
  name: string;
  regionCode: string;
  parkName: string | null;
  gbt4754Code: string;
  /** Primary membership first. */
  memberships: DemoMembership[];
  isChainMaster: boolean;
  isSpecialized: boolean;
  isHighTech: boolean;
  isListed: boolean;
  lifecycle: Lifecycle;
  size: SizeClass;
  /** Master: share of its chain's single-chain output. Overlap: share of all two-chain output. Regular: heavy-tailed weight. */
  weight: number;
  /** Floor of the Jan–Jun 2024 output, 元. */
  minimum: number;
};

/** A firm's two calibrated half-year totals (元): Jan–Jun 2024 and, when it has a comparable base, Jan–Jun 2023. */
export type FirmAnchor = { h1Of2024: number; h1Of2023: number | null; inScope2024: boolean };

export const FIRST_YEAR = 2022;
export const LAST_YEAR = 2026;
/** The last month with data. */
export const LAST_PERIOD = '2026-10';
