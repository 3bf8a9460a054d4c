import type { GapStatus } from '../../../../shared/contracts/chain-map';

/** Colours of the gap analysis' statuses, shared with the server's map image. */
export { GAP_COLORS } from '../../../../shared/chain-map-svg';

/** antd Tag colours matching GAP_COLORS. */
export const GAP_TAG_COLORS: Record<GapStatus, string> = {
  missing: 'red',
  fragile: 'purple',
  weak: 'orange',
  strong: 'green',
};
