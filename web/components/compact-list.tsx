import type { ReactNode } from 'react';
import { Empty, List } from 'antd';

/**
 * A short list in a panel (a drawer's section, a popover): small rows, or the small "nothing here" picture
 * with what it means when there are none.
 */
export function CompactList<T>({ items, empty, renderItem }: { items: T[]; empty: ReactNode; renderItem: (item: T) => ReactNode }) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return <List size="small" dataSource={items} renderItem={renderItem} />;
}
