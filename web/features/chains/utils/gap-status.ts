import type { GapStatus } from '../../../../shared/contracts/chain-map';

/** Colours of the gap analysis' statuses (map, legend, tags): 缺链 red, 断链 purple, 弱链 orange, 强链 green. */
export const GAP_COLORS: Record<GapStatus, string> = {
  missing: '#cf1322',
  fragile: '#722ed1',
  weak: '#d46b08',
  strong: '#389e0d',
};

/** antd Tag colours matching GAP_COLORS. */
export const GAP_TAG_COLORS: Record<GapStatus, string> = {
  missing: 'red',
  fragile: 'purple',
  weak: 'orange',
  strong: 'green',
};
