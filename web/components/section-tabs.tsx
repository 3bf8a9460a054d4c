import type { ReactNode } from 'react';
import { Card, Result, Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { PROJECT_READER_ROLES } from '../../shared/contracts/projects';
import { paths } from '../config/paths';
import { useMe } from '../hooks/use-me';
import { useT } from '../lib/i18n';

type Section = 'investment' | 'projects';

/**
 * The tabs of a menu section with several pages (招商引资: 看板, 项目列表, 客商库; 重大项目: 项目表,
 * 指标看板), each its own address. A role that reads no projects (an enterprise) sees why instead.
 */
export function SectionTabs({ section, extra, children }: { section: Section; extra?: ReactNode; children: ReactNode }) {
  const t = useT();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const role = me.data?.user.role;
  const items =
    section === 'investment'
      ? [
          { key: paths.investment.path, label: t('projects.tab.board') },
          { key: paths.investmentList.path, label: t('projects.tab.list') },
          { key: paths.investors.path, label: t('projects.tab.investors') },
        ]
      : [
          { key: paths.projects.path, label: t('projects.tab.major') },
          { key: paths.projectsKpi.path, label: t('projects.tab.kpi') },
        ];
  if (role !== undefined && !PROJECT_READER_ROLES.some((r) => r === role)) {
    return <Result status="403" title={t('projects.noAccess')} subTitle={t('projects.noAccessHint')} />;
  }
  return (
    <Card title={t(`nav.${section}`)} extra={extra}>
      <Tabs activeKey={pathname} items={items} onChange={(key) => void navigate(key)} />
      {children}
    </Card>
  );
}
