import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Popconfirm, Select, Space, Spin } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ASSESSMENT_MANAGER_ROLES, weightSumOf, type SchemeDefinition, type SchemeDetail } from '../../../../shared/contracts/assessment';
import { roleIn } from '../../../../shared/roles';
import { DataTable } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSpinner } from '../../../components/page-spinner';
import { paths } from '../../../config/paths';
import { useMe } from '../../../hooks/use-me';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useScheme } from '../api/get-scheme';
import { useSources } from '../api/get-sources';
import { usePutEntry } from '../api/put-entry';
import { useRunScheme } from '../api/run-scheme';
import { useUpdateScheme } from '../api/update-scheme';
import { IndicatorsEditor } from './indicators-editor';
import { ItemsEditor } from './items-editor';

/** One scheme version: its indicators (editable by the managers; weights must sum to 100), the assessors' entries, the run button. */
export function SchemePage() {
  const id = Number(useParams().id);
  const scheme = useScheme(id);
  if (scheme.error) return <ErrorAlert error={scheme.error} onRetry={() => void scheme.refetch()} />;
  if (!scheme.data) return <PageSpinner />;
  return <SchemeView key={`${scheme.data.id}-${scheme.data.updatedAt}`} scheme={scheme.data} />;
}

function SchemeView({ scheme }: { scheme: SchemeDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const manager = roleIn(ASSESSMENT_MANAGER_ROLES, me.data?.user.role);
  const sources = useSources({});
  const update = useUpdateScheme();
  const run = useRunScheme();
  const [definition, setDefinition] = useState<SchemeDefinition>(scheme.definition);
  const sum = weightSumOf(definition.indicators);

  const save = async () => {
    const saved = await update.mutateAsync({ id: scheme.id, body: { definition } });
    if (saved.id !== scheme.id) {
      void message.success(t('assessment.savedNewVersion', { version: saved.version }));
      void navigate(paths.assessmentScheme.getHref(saved.id));
    } else void message.success(t('assessment.saved'));
  };
  const setStatus = (status: 'active' | 'archived' | 'draft') => update.mutate({ id: scheme.id, body: { status } });
  const score = async () => {
    const result = await run.mutateAsync(scheme.id);
    void navigate(paths.assessmentRun.getHref(result.id));
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={`${scheme.name} · ${scheme.year} v${scheme.version}`}
        extra={<Link to={paths.assessment.getHref()}>{t('assessment.back')}</Link>}
      >
        <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('assessment.col.kind')}>{t(`assessment.kind.${scheme.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.col.status')}>
            {manager ? (
              <Select
                size="small"
                value={scheme.status}
                onChange={setStatus}
                style={{ width: 110 }}
                options={(['draft', 'active', 'archived'] as const).map((s) => ({ value: s, label: t(`assessment.schemeStatus.${s}`) }))}
              />
            ) : (
              t(`assessment.schemeStatus.${scheme.status}`)
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.col.runs')}>{scheme.runCount}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.col.lastRun')}>
            {scheme.lastRunId === null ? (
              '—'
            ) : (
              <Link to={paths.assessmentRun.getHref(scheme.lastRunId)}>{t('assessment.results.open')}</Link>
            )}
          </Descriptions.Item>
        </Descriptions>
        <IndicatorsEditor
          indicators={definition.indicators}
          sources={sources.data?.items ?? []}
          kind={scheme.kind}
          editable={manager}
          onChange={(indicators) => setDefinition({ ...definition, indicators })}
        />
        <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
          {(['bonuses', 'deductions'] as const).map((part) => (
            <Descriptions.Item key={part} label={t(`assessment.part.${part}`)}>
              <ItemsEditor
                items={definition[part]}
                withPoints
                editable={manager}
                testId={`scheme-${part}`}
                onChange={(items) => setDefinition({ ...definition, [part]: items })}
                blank={() => ({
                  code: `${part === 'bonuses' ? 'bonus' : 'deduction'}_${definition[part].length + 1}`,
                  name: '',
                  maxPoints: 1,
                })}
              />
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('assessment.part.vetoes')}>
            <ItemsEditor
              items={definition.vetoes}
              withPoints={false}
              editable={manager}
              testId="scheme-vetoes"
              onChange={(vetoes) => setDefinition({ ...definition, vetoes })}
              blank={() => ({ code: `veto_${definition.vetoes.length + 1}`, name: '' })}
            />
          </Descriptions.Item>
        </Descriptions>
        {manager ? (
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" onClick={() => void save()} loading={update.isPending} disabled={sum !== 100} data-testid="scheme-save">
              {scheme.runCount > 0 ? t('assessment.saveAsVersion') : t('assessment.save')}
            </Button>
            <Popconfirm
              title={t('assessment.run.confirm', { year: scheme.year })}
              okText={t('assessment.run.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => void score()}
            >
              <Button loading={run.isPending} data-testid="scheme-run">
                {t('assessment.run.button')}
              </Button>
            </Popconfirm>
            {run.isPending ? <Spin tip={t('assessment.run.progress')} size="small" /> : null}
          </Space>
        ) : null}
      </Card>
      <EntriesCard scheme={scheme} manager={manager} />
    </Space>
  );
}

type EntryValues = { objectCode: string; itemCode: string; value: number | null; evidence: string };

/** The assessors' entries: manual scores, bonus and deduction points, vetoes, each with its evidence. */
function EntriesCard({ scheme, manager }: { scheme: SchemeDetail; manager: boolean }) {
  const t = useT();
  const [form] = Form.useForm<EntryValues>();
  const put = usePutEntry();
  const { message } = App.useApp();
  const nameOf = new Map(scheme.objects.map((o) => [o.code, o.name]));
  const d = scheme.definition;
  const items = [
    ...d.indicators
      .filter((i) => i.source === 'manual')
      .map((i) => ({ value: i.code, label: `${t('assessment.adjustment.manual')} · ${i.name}` })),
    ...d.bonuses.map((b) => ({ value: b.code, label: `${t('assessment.adjustment.bonus')} · ${b.name}` })),
    ...d.deductions.map((x) => ({ value: x.code, label: `${t('assessment.adjustment.deduction')} · ${x.name}` })),
    ...d.vetoes.map((v) => ({ value: v.code, label: `${t('assessment.adjustment.veto')} · ${v.name}` })),
  ];
  const itemName = new Map(items.map((i) => [i.value, i.label]));
  const submit = async (values: EntryValues) => {
    await put.mutateAsync({ id: scheme.id, body: { ...values, value: values.value ?? null, evidence: values.evidence ?? '' } });
    void message.success(t('assessment.saved'));
  };
  return (
    <Card title={t('assessment.entries.title')}>
      {manager ? (
        <Form form={form} layout="inline" onFinish={(v) => void submit(v)} style={{ marginBottom: 12 }}>
          <Form.Item name="objectCode" rules={[{ required: true }]}>
            <Select
              placeholder={t('assessment.col.object')}
              style={{ width: 180 }}
              showSearch
              optionFilterProp="label"
              options={scheme.objects.map((o) => ({ value: o.code, label: o.name }))}
            />
          </Form.Item>
          <Form.Item name="itemCode" rules={[{ required: true }]}>
            <Select placeholder={t('assessment.col.item')} style={{ width: 240 }} options={items} />
          </Form.Item>
          <Form.Item name="value">
            <InputNumber placeholder={t('assessment.col.value')} />
          </Form.Item>
          <Form.Item name="evidence">
            <Input placeholder={t('assessment.col.evidence')} style={{ width: 280 }} />
          </Form.Item>
          <Button htmlType="submit" loading={put.isPending}>
            {t('assessment.save')}
          </Button>
        </Form>
      ) : null}
      <DataTable<SchemeDetail['entries'][number]>
        rows={scheme.entries}
        rowKey={(e) => `${e.objectCode}|${e.itemCode}`}
        paging="client"
        columns={[
          { key: 'object', title: t('assessment.col.object'), excel: (e) => nameOf.get(e.objectCode) ?? e.objectCode },
          { key: 'item', title: t('assessment.col.item'), excel: (e) => itemName.get(e.itemCode) ?? e.itemCode },
          { key: 'value', title: t('assessment.col.value'), dataIndex: 'value', align: 'right' },
          { key: 'evidence', title: t('assessment.col.evidence'), dataIndex: 'evidence', excelWidth: 50 },
          { key: 'enteredBy', title: t('assessment.col.enteredBy'), dataIndex: 'enteredBy' },
          { key: 'enteredAt', title: t('assessment.col.enteredAt'), excel: (e) => formatDateTime(e.enteredAt) },
        ]}
        exportName={[scheme.name, String(scheme.year), t('assessment.entries.title')]}
        empty={manager ? t('assessment.entries.emptyManager') : t('assessment.entries.empty')}
        testId="assessment-entries"
      />
    </Card>
  );
}
