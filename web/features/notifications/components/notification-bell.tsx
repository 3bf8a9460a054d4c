import { useState } from 'react';
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { NotificationItem } from '../../../../shared/contracts/tickets';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useNotifications } from '../api/get-notifications';
import { useReadNotifications } from '../api/read-notifications';
import { CompactList } from '../../../components/compact-list';

/** The bell in the header: unread count, the latest notifications; a click opens the ticket, task or agenda and marks it read. */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const notifications = useNotifications();
  const read = useReadNotifications();
  const [shown, setShown] = useState(false);
  const items = notifications.data?.items ?? [];
  const unread = notifications.data?.unread ?? 0;

  const open = (n: NotificationItem) => {
    // The list closes as its page opens (it would cover the page's buttons).
    setShown(false);
    if (!n.read) read.mutate([n.id]);
    if (n.ticketId !== null) void navigate(paths.problem.getHref(n.ticketId));
    else if (n.taskId !== null) void navigate(paths.supervisionTask.getHref(n.taskId));
    else if (n.kind === 'agenda_scheduled') void navigate(paths.problemAgenda.getHref(String(n.params.chain ?? '')));
  };

  const content = (
    <div style={{ width: 360 }} data-testid="notification-list">
      <CompactList
        items={items}
        empty={t('notifications.empty')}
        renderItem={(n) => (
          <List.Item onClick={() => open(n)} style={{ cursor: 'pointer' }} data-testid={`notification-${n.kind}`}>
            <List.Item.Meta
              title={<Typography.Text strong={!n.read}>{t(`notifications.kind.${n.kind}`, n.params)}</Typography.Text>}
              description={formatDateTime(n.createdAt)}
            />
          </List.Item>
        )}
      />
      {unread > 0 ? (
        <Button type="link" onClick={() => read.mutate(undefined)} data-testid="notifications-read-all">
          {t('notifications.readAll')}
        </Button>
      ) : null}
    </div>
  );

  return (
    <Popover
      content={content}
      title={t('notifications.title')}
      trigger="click"
      placement="bottomRight"
      open={shown}
      onOpenChange={setShown}
    >
      <Badge count={unread} size="small" data-testid="notification-count">
        <Button type="text" aria-label={t('notifications.title')} data-testid="notification-bell" icon={<BellOutlined />} />
      </Badge>
    </Popover>
  );
}
