import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TodoItem } from '../../../../shared/contracts/workspace';
import type { Role } from '../../../../shared/roles';
import { useT } from '../../../lib/i18n';

/**
 * 待办: each item a link to the page where the work is done, with its count and an overdue tag; an
 * empty list says so and what the role usually does here.
 */
export function TodoCard({ items, role }: { items: readonly TodoItem[]; role: Role }) {
  const t = useT();
  return (
    <Card title={t('workspace.todoTitle')} data-testid="home-todos">
      {items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('workspace.todoEmpty')}</Typography.Text>
              <Typography.Text type="secondary">{t(`workspace.usual.${role}`)}</Typography.Text>
            </Flex>
          }
        />
      ) : (
        <Flex vertical gap={12} role="list">
          {items.map((item) => (
            <Flex key={`${item.kind}-${item.path}`} wrap gap={8} align="center" role="listitem" data-testid={`todo-${item.kind}`}>
              <Link to={item.path}>{t(`workspace.todo.${item.kind}`, item.params)}</Link>
              <Tag color="blue">{item.count}</Tag>
              {item.overdue ? <Tag color="red">{t('workspace.overdue')}</Tag> : null}
              {item.dueDate !== null && !item.overdue && item.params.date === undefined ? (
                <Typography.Text type="secondary">{t('workspace.due', { date: item.dueDate })}</Typography.Text>
              ) : null}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
