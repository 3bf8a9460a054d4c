import { useState } from 'react';
import { Button } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import type { ProjectListItem } from '../../../../shared/contracts/projects';
import { DataTable } from '../../../components/data-table';
import { SectionTabs } from '../../../components/section-tabs';
import { paths } from '../../../config/paths';
import { usePageParams } from '../../../hooks/use-page-params';
import { fetchAllPages } from '../../../lib/all-pages';
import { useLocale, useT } from '../../../lib/i18n';
import { getProjects, useProjects } from '../api/get-projects';
import { ProjectFilterSelects, useProjectFilter } from './project-filters';
import { ImportModal } from './import-modal';
import { moneyColumn } from './money-column';
import { ProjectFormModal } from './project-form-modal';
import { useProjectRole } from './project-role';

const STAGE_COLOURS: Partial<Record<ProjectListItem['stage'], string>> = {
  lead: 'default',
  negotiating: 'gold',
  signed: 'blue',
  producing: 'green',
  at_capacity: 'green',
  above_scale: 'green',
  terminated: 'red',
};

/** 项目列表: the projects in scope with stage, chain, channel, year and name filters, paging and export; writers add leads. */
export function ProjectsListPage() {
  const t = useT();
  const { locale } = useLocale();
  const { page, pageSize } = usePageParams();
  const { filter, filtered } = useProjectFilter();
  const { canWrite } = useProjectRole();
  const [searchParams, setSearchParams] = useSearchParams();
  const projects = useProjects({ ...filter, page, pageSize });
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  // 发起招商线索 from a chain node arrives here with the chain and node to prefill.
  const leadFromMap = searchParams.get('lead') === 'new';
  const navigate = useNavigate();
  const closeForm = (createdId: number | null) => {
    setAdding(false);
    if (createdId !== null) void navigate(paths.project.getHref(createdId));
    else if (leadFromMap) {
      const next = new URLSearchParams(searchParams);
      for (const key of ['lead', 'leadChain', 'leadNode']) next.delete(key);
      setSearchParams(next, { replace: true });
    }
  };
  const wanUnit = { unit: 'wan', locale } as const;
  const loadAll = () => fetchAllPages((p, size) => getProjects({ ...filter, page: p, pageSize: size }));

  return (
    <SectionTabs section="investment">
      <DataTable<ProjectListItem>
        query={projects}
        toolbar={{
          search: { placeholder: t('projects.searchPlaceholder'), testId: 'projects-search' },
          filters: <ProjectFilterSelects withStage />,
          actions: canWrite ? <Button onClick={() => setImporting(true)}>{t('projects.importButton')}</Button> : undefined,
          add: canWrite ? { label: t('projects.add'), onClick: () => setAdding(true), testId: 'project-add' } : null,
        }}
        columns={[
          { key: 'name', title: t('projects.name'), dataIndex: 'name', excelWidth: 30, href: (p) => paths.project.getHref(p.id) },
          {
            key: 'stage',
            title: t('projects.stage'),
            width: 90,
            excel: (p) => t(`projects.stage.${p.stage}`),
            tag: (p) => STAGE_COLOURS[p.stage] ?? 'processing',
          },
          { key: 'chain', title: t('projects.chain'), dataIndex: 'chainName', excelWidth: 16 },
          { key: 'node', title: t('projects.node'), excel: (p) => p.nodeName, excelWidth: 16 },
          { key: 'channel', title: t('projects.channel'), width: 100, excel: (p) => t(`projects.channel.${p.channel}`) },
          { key: 'category', title: t('projects.category'), excelOnly: true, excel: (p) => t(`projects.category.${p.category}`) },
          { key: 'region', title: t('projects.region'), dataIndex: 'regionName', excelWidth: 12 },
          { key: 'park', title: t('projects.park'), excel: (p) => p.parkName, excelWidth: 14 },
          { key: 'investor', title: t('projects.investor'), excelOnly: true, excel: (p) => p.investorName, excelWidth: 24 },
          moneyColumn<ProjectListItem>('signedAmount', t('projects.signedAmount'), (p) => p.signedAmount, {
            ...wanUnit,
            excelTitle: t('projects.signedAmountWan'),
          }),
          moneyColumn<ProjectListItem>('plannedInvestment', t('projects.plannedInvestment'), (p) => p.plannedInvestment, {
            ...wanUnit,
            excelTitle: t('projects.plannedInvestmentWan'),
          }),
          { key: 'signedOn', title: t('projects.signedOn'), width: 110, excel: (p) => p.signedOn },
        ]}
        testId="projects-table"
        exportName={t('projects.tab.list')}
        loadAllRows={loadAll}
        empty={filtered ? t('common.emptyFiltered') : canWrite ? t('projects.emptyWriter') : t('projects.empty')}
        paging="server"
      />
      {adding || (leadFromMap && canWrite) ? (
        <ProjectFormModal
          chain={searchParams.get('leadChain') ?? undefined}
          node={searchParams.get('leadNode') ?? undefined}
          onClose={closeForm}
        />
      ) : null}
      {importing ? <ImportModal onClose={() => setImporting(false)} /> : null}
    </SectionTabs>
  );
}
