import type { MajorProjectItem, MajorProjectsResponse } from '../../../../shared/contracts/projects';
import { useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import { codeNameColumn } from '../../../components/code-name';
import { DataTable } from '../../../components/data-table';
import { useReferenceNames } from '../../../hooks/use-enterprise-options';
import { EChart } from '../../../components/echart';
import { SectionTabs } from '../../../components/section-tabs';
import { paths } from '../../../config/paths';
import { usePageParams } from '../../../hooks/use-page-params';
import { fetchAllPages } from '../../../lib/all-pages';
import { formatPercent, yuanToYi } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { getMajorProjects, useMajorProjects } from '../api/get-major-projects';
import { useMe } from '../../../hooks/use-me';
import { moneyColumn } from './money-column';
import { ProjectSettingsModal } from './project-settings-modal';
import { useYearParam, YearSelect } from './year-select';

type MonthRow = MajorProjectsResponse['months'][number];
const rate = (done: number, plan: number) => (plan === 0 ? null : done / plan);

/** 重大项目: the year's list with each project's annual plan vs completed investment, and plan vs done by month. */
export function MajorProjectsPage() {
  const t = useT();
  const { locale } = useLocale();
  const names = useReferenceNames();
  const year = useYearParam();
  const { page, pageSize } = usePageParams();
  const major = useMajorProjects({ year, page, pageSize });
  const months = major.data?.months ?? [];
  const yiUnit = { unit: 'yi', locale } as const;
  const isAdmin = useMe().data?.user.role === 'admin';
  const [settingsOpen, setSettingsOpen] = useState(false);

  return (
    <SectionTabs
      section="projects"
      extra={
        <Space>
          <YearSelect />
          {isAdmin ? <Button onClick={() => setSettingsOpen(true)}>{t('projects.settings.open')}</Button> : null}
        </Space>
      }
    >
      {settingsOpen ? <ProjectSettingsModal onClose={() => setSettingsOpen(false)} /> : null}
      <DataTable<MajorProjectItem>
        query={major}
        rowKey="projectId"
        columns={[
          { key: 'name', title: t('projects.name'), dataIndex: 'name', excelWidth: 30, href: (p) => paths.project.getHref(p.projectId) },
          codeNameColumn<MajorProjectItem>({
            key: 'chain',
            title: t('projects.chain'),
            code: (p) => p.chainCode,
            name: (p) => names.chain(p.chainCode),
            width: 160,
          }),
          { key: 'chainCode', title: t('common.chainCodes'), dataIndex: 'chainCode', excelOnly: true, excelWidth: 10 },
          { key: 'stage', title: t('projects.stage'), width: 90, excel: (p) => t(`projects.stage.${p.stage}`) },
          {
            key: 'isNew',
            title: t('projects.major.isNew'),
            width: 80,
            excel: (p) => (p.isNew ? t('projects.major.new') : null),
            tag: (p) => (p.isNew ? 'green' : undefined),
          },
          moneyColumn<MajorProjectItem>('planned', t('projects.plannedInvestmentYi'), (p) => p.plannedInvestment, yiUnit),
          moneyColumn<MajorProjectItem>('annualPlan', t('projects.major.annualPlanYi'), (p) => p.annualPlan, yiUnit),
          moneyColumn<MajorProjectItem>('completed', t('projects.major.completedYi'), (p) => p.completed, yiUnit),
          {
            key: 'rate',
            title: t('projects.major.rate'),
            align: 'right',
            excel: (p) => rate(p.completed, p.annualPlan),
            render: (_, p) => formatPercent(rate(p.completed, p.annualPlan), locale),
          },
          moneyColumn<MajorProjectItem>('funds', t('projects.major.fundsYi'), (p) => p.fundsArrived, yiUnit),
        ]}
        testId="major-projects-table"
        exportName={[t('nav.projects'), String(year)]}
        loadAllRows={async () => fetchAllPages((p, size) => getMajorProjects({ year, page: p, pageSize: size }))}
        empty={t('projects.major.empty', { year })}
        paging="server"
      />
      <Card size="small" title={t('projects.major.months', { year })} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('projects.major.monthsHint')}</Typography.Paragraph>
        <EChart
          testId="major-months-chart"
          option={{
            tooltip: { trigger: 'axis' },
            legend: { data: [t('projects.major.plan'), t('projects.major.completed')] },
            xAxis: { type: 'category', data: months.map((m) => m.period) },
            yAxis: { type: 'value', name: t('projects.unitYi') },
            series: [
              { name: t('projects.major.plan'), type: 'bar', data: months.map((m) => yuanToYi(m.plan)) },
              { name: t('projects.major.completed'), type: 'bar', data: months.map((m) => yuanToYi(m.completed)) },
            ],
          }}
        />
        <DataTable<MonthRow>
          rows={months}
          rowKey="period"
          columns={[
            { key: 'period', title: t('projects.major.period'), dataIndex: 'period' },
            moneyColumn<MonthRow>('plan', t('projects.major.planYi'), (m) => m.plan, yiUnit),
            moneyColumn<MonthRow>('completed', t('projects.major.completedYi'), (m) => m.completed, yiUnit),
            moneyColumn<MonthRow>('funds', t('projects.major.fundsYi'), (m) => m.fundsArrived, yiUnit),
          ]}
          testId="major-months-table"
          exportName={[t('nav.projects'), String(year), t('projects.major.monthsSheet')]}
          empty={t('projects.major.empty', { year })}
          tableProps={{ size: 'small' }}
        />
      </Card>
    </SectionTabs>
  );
}
