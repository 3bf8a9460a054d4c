import type { ReactNode } from 'react';
import { Empty, List, Typography } from 'antd';

/**
 * A short list in a panel (a drawer's section, a popover): small rows, or the small "nothing here" picture
 * with what it means when there are none.
 */
export function CompactList<T>({ items, empty, renderItem }: CompactListProps<T>) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return <List size="small" dataSource={items} renderItem={renderItem} />;
}

type CompactListProps<T> = { items: T[]; empty: ReactNode; renderItem: (item: T) => ReactNode };

/** A section of a panel (a drawer): its heading, then its items as a compact list. */
export function CompactListSection<T>({ title, testId, ...list }: CompactListProps<T> & { title: ReactNode; testId: string }) {
  return (
    <section data-testid={testId}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <CompactList {...list} />
    </section>
  );
}
