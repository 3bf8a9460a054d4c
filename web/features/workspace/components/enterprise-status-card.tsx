import type { ReactNode } from 'react';
import { Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { EnterpriseHome } from '../../../../shared/contracts/workspace';
import { paths } from '../../../config/paths';
import { formatFixed2, yuanToWan } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';

type Month = EnterpriseHome['recentMonths'][number];

/**
 * The enterprise's own reporting: the month it reports now, whether it has, the deadline, the
 * 填报本月数据 and 反映问题 actions (`problemAction`, from the tickets feature), its last months.
 */
export function EnterpriseStatusCard({ home, problemAction }: { home: EnterpriseHome; problemAction: ReactNode }) {
  const t = useT();
  const { locale } = useLocale();
  const status = home.reported ? (
    <Tag color="green">{t('workspace.reported')}</Tag>
  ) : (
    <Tag color={home.deadlinePassed ? 'red' : 'orange'}>{t('workspace.notReported')}</Tag>
  );
  return (
    <Card
      title={`${t('workspace.enterpriseTitle')} · ${home.name}`}
      data-testid="home-enterprise"
      extra={
        <Flex gap={8} wrap>
          <Link to={paths.figuresOfEnterprise.getHref(home.uscc)}>
            <Button type="primary" data-testid="home-report-month">
              {t('workspace.reportAction')}
            </Button>
          </Link>
          {problemAction}
        </Flex>
      }
    >
      <Descriptions
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'status', label: t('workspace.reportStatus', { period: home.reportPeriod }), children: status },
          {
            key: 'due',
            label: t('workspace.deadline'),
            children: (
              <span>
                {home.dueDate}
                {home.deadlinePassed && !home.reported ? <Tag color="red">{t('workspace.deadlinePassed')}</Tag> : null}
              </span>
            ),
          },
          { key: 'tickets', label: t('nav.problems'), children: t('workspace.openTickets', { count: home.openTickets }) },
        ]}
      />
      <Typography.Title level={5}>{t('workspace.recentMonths')}</Typography.Title>
      <Table<Month>
        rowKey="period"
        size="small"
        pagination={false}
        data-testid="home-recent-months"
        dataSource={home.recentMonths}
        columns={[
          { key: 'period', title: t('workspace.month'), dataIndex: 'period' },
          {
            key: 'output',
            title: t('workspace.grossOutput'),
            align: 'right',
            render: (_, m) =>
              m.grossOutput === null ? <Tag>{t('workspace.missing')}</Tag> : formatFixed2(yuanToWan(m.grossOutput), locale),
          },
        ]}
      />
    </Card>
  );
}
