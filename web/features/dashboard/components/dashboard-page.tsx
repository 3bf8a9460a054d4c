import type { ReactNode } from 'react';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { useMe } from '../../../hooks/use-me';
import { describeScope } from '../../../lib/describe-scope';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';

/**
 * The start page: who is logged in, with which role and data scope; then the work of the day
 * (`workspace`: 待办 and key figures, or the enterprise's own reporting); below it the 驾驶舱 of the
 * caller's scope for every role but the enterprise, which sees its own tickets instead, and the
 * department, whose work is problems and tasks, not one area's figures. The router passes the parts
 * in (`workspace`, `cockpit`, `enterpriseHome`), so this feature imports no other feature.
 */
export function DashboardPage({
  workspace,
  cockpit,
  enterpriseHome,
}: {
  workspace: ReactNode;
  cockpit: ReactNode;
  enterpriseHome: ReactNode;
}) {
  const t = useT();
  const me = useMe();
  const session = me.data;
  if (!session) return null;
  const { user } = session;

  return (
    <Flex vertical gap={16}>
      <Card data-testid="welcome-card" size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('common.welcome', { name: user.displayName })}
        </Typography.Title>
        {/* One line on a wide screen, so the day's work starts in the first screen. */}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'role', label: t('users.role'), children: <span data-testid="welcome-role">{t(`role.${user.role}`)}</span> },
            { key: 'scope', label: t('users.scopes'), children: <span data-testid="welcome-scope">{describeScope(user, t)}</span> },
            {
              key: 'session',
              label: null,
              children: (
                <Typography.Text type="secondary">{t('common.sessionUntil', { time: formatDateTime(session.expiresAt) })}</Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      {workspace}
      {user.role === 'enterprise' ? enterpriseHome : user.role === 'department' ? null : cockpit}
    </Flex>
  );
}
