import { useState } from 'react';
import { Card, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { ASSESSMENT_MANAGER_ROLES, type RunSummary, type SchemeItem } from '../../../../shared/contracts/assessment';
import { roleIn } from '../../../../shared/roles';
import { DataTable } from '../../../components/data-table';
import { FormModal } from '../../../components/form-modal';
import { paths } from '../../../config/paths';
import { useMe } from '../../../hooks/use-me';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { getScheme } from '../api/get-scheme';
import { useCreateScheme } from '../api/create-scheme';
import { useRuns } from '../api/get-runs';
import { useSchemes } from '../api/get-schemes';

const STATUS_COLOR = { draft: 'default', active: 'green', archived: 'gray' } as const;

/** 考核: the schemes (versioned by year) and the stored runs, each opening its page. */
export function AssessmentPage() {
  const t = useT();
  const me = useMe();
  const manager = roleIn(ASSESSMENT_MANAGER_ROLES, me.data?.user.role);
  const schemes = useSchemes({});
  const runs = useRuns({});
  const [copying, setCopying] = useState(false);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={t('assessment.schemes.title')}>
        <DataTable<SchemeItem>
          query={schemes}
          rowKey="id"
          toolbar={{
            add: manager ? { label: t('assessment.schemes.copy'), onClick: () => setCopying(true), testId: 'scheme-copy' } : null,
          }}
          columns={[
            { key: 'name', title: t('assessment.col.scheme'), dataIndex: 'name', href: (s) => paths.assessmentScheme.getHref(s.id) },
            { key: 'kind', title: t('assessment.col.kind'), excel: (s) => t(`assessment.kind.${s.kind}`) },
            { key: 'year', title: t('assessment.col.year'), dataIndex: 'year' },
            { key: 'version', title: t('assessment.col.version'), excel: (s) => `v${s.version}` },
            {
              key: 'status',
              title: t('assessment.col.status'),
              excel: (s) => t(`assessment.schemeStatus.${s.status}`),
              tag: (s) => STATUS_COLOR[s.status],
            },
            { key: 'indicators', title: t('assessment.col.indicators'), dataIndex: 'indicatorCount', align: 'right' },
            { key: 'weightSum', title: t('assessment.col.weightSum'), dataIndex: 'weightSum', align: 'right' },
            { key: 'runs', title: t('assessment.col.runs'), dataIndex: 'runCount', align: 'right' },
            {
              key: 'lastRun',
              title: t('assessment.col.lastRun'),
              excel: (s) => (s.lastRunId === null ? null : t('assessment.results.open')),
              href: (s) => (s.lastRunId === null ? paths.assessmentScheme.getHref(s.id) : paths.assessmentRun.getHref(s.lastRunId)),
            },
          ]}
          exportName={t('assessment.schemes.title')}
          empty={manager ? t('assessment.schemes.emptyManager') : t('assessment.schemes.empty')}
          testId="assessment-schemes"
        />
      </Card>
      <Card title={t('assessment.runs.title')}>
        <DataTable<RunSummary>
          query={runs}
          rowKey="id"
          columns={[
            { key: 'scheme', title: t('assessment.col.scheme'), dataIndex: 'schemeName', href: (r) => paths.assessmentRun.getHref(r.id) },
            { key: 'kind', title: t('assessment.col.kind'), excel: (r) => t(`assessment.kind.${r.kind}`) },
            { key: 'year', title: t('assessment.col.year'), dataIndex: 'year' },
            { key: 'version', title: t('assessment.col.version'), excel: (r) => `v${r.schemeVersion}` },
            { key: 'objects', title: t('assessment.col.objects'), dataIndex: 'objectCount', align: 'right' },
            { key: 'ranAt', title: t('assessment.col.ranAt'), excel: (r) => formatDateTime(r.ranAt) },
            { key: 'ranBy', title: t('assessment.col.ranBy'), dataIndex: 'ranBy' },
          ]}
          exportName={t('assessment.runs.title')}
          empty={t('assessment.runs.empty')}
          testId="assessment-runs"
        />
      </Card>
      {copying ? <CopySchemeModal schemes={schemes.data?.items ?? []} onClose={() => setCopying(false)} /> : null}
    </Space>
  );
}

type CopyValues = { from: number; year: number; name: string };

/** A new scheme (a draft) with the definition of an existing one: next year's scheme starts from this year's. */
function CopySchemeModal({ schemes, onClose }: { schemes: readonly SchemeItem[]; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<CopyValues>();
  const navigate = useNavigate();
  const create = useCreateScheme();
  const onSubmit = async (values: CopyValues) => {
    const source = await getScheme(values.from);
    const created = await create.mutateAsync({ kind: source.kind, year: values.year, name: values.name, definition: source.definition });
    void navigate(paths.assessmentScheme.getHref(created.id));
  };
  const first = schemes[0];
  return (
    <FormModal<CopyValues>
      form={form}
      title={t('assessment.schemes.copy')}
      okText={t('assessment.save')}
      initialValues={first ? { from: first.id, year: first.year + 1, name: first.name } : undefined}
      onSubmit={onSubmit}
      onClose={onClose}
      serverFields={['year', 'name']}
      testId="scheme-copy-form"
    >
      <Form.Item name="from" label={t('assessment.schemes.copyFrom')} rules={[{ required: true }]}>
        <Select options={schemes.map((s) => ({ value: s.id, label: `${s.name} · ${s.year} v${s.version}` }))} />
      </Form.Item>
      <Form.Item name="year" label={t('assessment.col.year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="name" label={t('assessment.col.scheme')} rules={[{ required: true, max: 80 }]}>
        <Input />
      </Form.Item>
      <Tag>{t('assessment.schemes.copyHint')}</Tag>
    </FormModal>
  );
}
