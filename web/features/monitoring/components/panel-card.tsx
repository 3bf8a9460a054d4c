import { Card, Flex } from 'antd';
import type { ReactNode } from 'react';

/** A small monitoring card with its tools (filters, view switch, Excel export) in a row on the right of the title. */
export function PanelCard({ title, tools, children }: { title: ReactNode; tools: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} size="small" extra={<Flex gap={8}>{tools}</Flex>}>
      {children}
    </Card>
  );
}
