import { useState } from 'react';
import { Card, Result } from 'antd';
import { useSearchParams } from 'react-router';
import { BRIEF_KINDS, BRIEF_ROLES, BRIEF_STATUSES, type BriefSummary } from '../../../../shared/contracts/briefs';
import { monthSchema } from '../../../../shared/contracts/identifiers';
import { roleIn } from '../../../../shared/roles';
import { DataTable } from '../../../components/data-table';
import { FilterSelect } from '../../../components/list-toolbar';
import { paths } from '../../../config/paths';
import { useMe } from '../../../hooks/use-me';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useBriefs } from '../api/get-briefs';
import { BriefJobBanner } from './brief-job-banner';
import { BriefTags } from './brief-tags';
import { briefKindsOf, GenerateBriefModal } from './generate-brief-modal';

/**
 * 月度简报: the briefs the user may read, by month, kind and status (kept in the address), each with its
 * status, 初步 and 数据已更新 marks; 生成简报 for those who write them.
 */
export function BriefsPage() {
  const t = useT();
  const user = useMe().data?.user;
  if (user !== undefined && !roleIn(BRIEF_ROLES, user.role))
    return <Result status="info" title={t('briefs.pageTitle')} subTitle={t('briefs.notForRole')} />;
  return <BriefsList />;
}

function BriefsList() {
  const t = useT();
  const user = useMe().data?.user;
  const [searchParams] = useSearchParams();
  const filter = {
    period: monthSchema.safeParse(searchParams.get('period')).data,
    kind: BRIEF_KINDS.find((k) => k === searchParams.get('kind')),
    status: BRIEF_STATUSES.find((s) => s === searchParams.get('status')),
  };
  const briefs = useBriefs(filter);
  const [generating, setGenerating] = useState(false);
  const mayGenerate = user !== undefined && briefKindsOf(user).length > 0;
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const periods = [...new Set((briefs.data?.items ?? []).map((b) => b.period))].sort().reverse();

  return (
    <Card title={t('briefs.pageTitle')}>
      <BriefJobBanner />
      <DataTable<BriefSummary>
        query={briefs}
        paging="client"
        testId="briefs-table"
        exportName={t('briefs.pageTitle')}
        empty={filtered ? t('briefs.emptyFiltered') : mayGenerate ? t('briefs.emptyGenerate') : t('briefs.empty')}
        toolbar={{
          filters: (
            <>
              <FilterSelect
                param="period"
                placeholder={t('briefs.period')}
                width={120}
                options={periods.map((p) => ({ value: p, label: p }))}
              />
              <FilterSelect
                param="kind"
                placeholder={t('briefs.kind')}
                width={110}
                options={BRIEF_KINDS.map((k) => ({ value: k, label: t(`briefs.kind.${k}`) }))}
              />
              <FilterSelect
                param="status"
                placeholder={t('briefs.status')}
                width={110}
                options={BRIEF_STATUSES.map((s) => ({ value: s, label: t(`briefs.status.${s}`) }))}
              />
            </>
          ),
          add: mayGenerate ? { label: t('briefs.generate'), onClick: () => setGenerating(true), testId: 'brief-generate' } : null,
        }}
        columns={[
          { key: 'title', title: t('briefs.title'), excel: (r) => r.title, href: (r) => paths.report.getHref(r.id), excelWidth: 40 },
          { key: 'period', title: t('briefs.period'), width: 130, excel: (r) => r.periodLabel, excelWidth: 14 },
          { key: 'kind', title: t('briefs.kind'), width: 90, excel: (r) => t(`briefs.kind.${r.kind}`), excelWidth: 10 },
          { key: 'range', title: t('briefs.range'), width: 150, excel: (r) => r.rangeName, excelWidth: 18 },
          { key: 'version', title: t('briefs.version'), width: 70, align: 'right', excel: (r) => r.seriesVersion, excelWidth: 8 },
          {
            key: 'status',
            title: t('briefs.status'),
            width: 200,
            excel: (r) =>
              [
                t(`briefs.status.${r.status}`),
                r.preliminary ? t('briefs.preliminary') : null,
                r.outdated ? t('briefs.outdated') : null,
                r.superseded ? t('briefs.superseded') : null,
              ]
                .filter((s) => s !== null)
                .join('，'),
            render: (_, r) => <BriefTags brief={r} />,
          },
          {
            key: 'generatedBy',
            title: t('briefs.generatedBy'),
            width: 200,
            excel: (r) => (r.generatedBy ? `${r.generatedBy.displayName} ${formatDateTime(r.generatedBy.at)}` : null),
            excelWidth: 26,
          },
          {
            key: 'publishedBy',
            title: t('briefs.publishedBy'),
            width: 200,
            excel: (r) => (r.publishedBy ? `${r.publishedBy.displayName} ${formatDateTime(r.publishedBy.at)}` : null),
            excelWidth: 26,
          },
        ]}
      />
      {generating ? <GenerateBriefModal onClose={() => setGenerating(false)} /> : null}
    </Card>
  );
}
