import type { NodeStatus } from '../../../../shared/contracts/chains';

/** Colours of node status everywhere (map, tags, legend): 缺链 red, 弱链 orange, ok green. */
export const STATUS_COLORS: Record<NodeStatus, string> = {
  missing: '#cf1322',
  weak: '#d46b08',
  ok: '#389e0d',
};

/** antd Tag colours matching STATUS_COLORS. */
export const STATUS_TAG_COLORS: Record<NodeStatus, string> = {
  missing: 'red',
  weak: 'orange',
  ok: 'green',
};
