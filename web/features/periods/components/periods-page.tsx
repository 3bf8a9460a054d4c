import { useState, type ReactNode } from 'react';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnType,
} from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { PeriodItem, ReviewItem } from '../../../../shared/contracts/periods';
import { CORRECTION_SOURCES, type CorrectionSource, type PeriodStatus } from '../../../../shared/publication/workflow';
import { parsePeriod, previousCalendarPeriod } from '../../../../shared/stats/period';
import { CodeName } from '../../../components/code-name';
import { ErrorAlert } from '../../../components/error-alert';
import { useReferenceNames } from '../../../hooks/use-enterprise-options';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { paths } from '../../../config/paths';
import { formatDateStamp, formatDateTime, formatYi } from '../../../lib/format';
import { useLocale, useT, type Translate } from '../../../lib/i18n';
import { coverageLabel, monthLabel } from '../../../lib/period-labels';
import { useMissingFirms } from '../api/get-missing-firms';
import { usePeriodDetail } from '../api/get-period-detail';
import { usePeriods } from '../../../hooks/use-periods';
import { usePublishPeriod } from '../api/publish-period';
import { useReopenPeriod } from '../api/reopen-period';
import { useReviewPeriod } from '../api/review-period';
import { useSetDisposition } from '../../../hooks/use-set-disposition';

const STATUS_COLOR: Record<PeriodStatus, string> = { collecting: 'default', review: 'orange', published: 'green' };

/** 数据审核/发布: the months with status and coverage; a month's coverage, missing firms, review items and publication. */
export function PeriodsPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const year = Number(searchParams.get('year') ?? parsePeriod(previousCalendarPeriod()).year);
  const periods = usePeriods(year);
  const selected = searchParams.get('period') ?? undefined;
  const select = (key: string, value: string) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      next.set(key, value);
      if (key === 'year') next.delete('period');
      return next;
    });
  const items = periods.data?.items ?? [];
  const columns = [
    { key: 'period', title: t('periods.col.period'), width: 12 },
    { key: 'status', title: t('periods.col.status'), width: 12 },
    { key: 'reported', title: t('periods.col.reported'), width: 10 },
    { key: 'expected', title: t('periods.col.expected'), width: 10 },
    { key: 'publishedAt', title: t('periods.col.publishedAt'), width: 20 },
  ] as const;
  return (
    <Flex vertical gap={16} data-testid="periods-page">
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('periods.title')}
          </Typography.Title>
          <Space>
            <span>{t('periods.year')}</span>
            <Select
              value={year}
              style={{ width: 100 }}
              options={[0, 1, 2, 3, 4].map((i) => ({
                value: parsePeriod(previousCalendarPeriod()).year - i,
                label: String(parsePeriod(previousCalendarPeriod()).year - i),
              }))}
              onChange={(value: number) => select('year', String(value))}
              data-testid="periods-year"
            />
            <ExportExcelButton
              fileName={`${t('periods.title')}-${year}-${formatDateStamp()}`}
              sheetName={t('periods.title')}
              columns={columns}
              rows={items.map((i) => ({
                period: i.period,
                status: t(`periods.status.${i.status}`),
                reported: i.coverage.reported,
                expected: i.coverage.expected,
                publishedAt: formatDateTime(i.publishedAt),
              }))}
            />
          </Space>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('periods.hint')}
        </Typography.Paragraph>
      </Card>
      {periods.error ? <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} /> : null}
      <Table<PeriodItem>
        size="small"
        rowKey="period"
        loading={periods.isPending}
        dataSource={items}
        pagination={false}
        data-testid="periods-table"
        rowClassName={(row) => (row.period === selected ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: t('periods.col.period'),
            dataIndex: 'period',
            render: (period: string) => (
              <Button type="link" onClick={() => select('period', period)} data-testid={`period-open-${period}`}>
                {period}
              </Button>
            ),
          },
          {
            title: t('periods.col.status'),
            dataIndex: 'status',
            render: (status: PeriodStatus) => <Tag color={STATUS_COLOR[status]}>{t(`periods.status.${status}`)}</Tag>,
          },
          {
            title: t('periods.col.coverage'),
            key: 'coverage',
            render: (_, row) => coverageLabel(t, row.coverage, 'zh-CN'),
          },
          { title: t('periods.col.publishedAt'), dataIndex: 'publishedAt', render: (at: string | null) => formatDateTime(at) },
          {
            title: t('periods.col.revisions'),
            dataIndex: 'revisionsSincePublished',
            render: (n: number | null) => (n ? <Tag color="red">{t('periods.revisions', { count: n })}</Tag> : '—'),
          },
        ]}
      />
      {selected === undefined ? (
        <Card>
          <Typography.Text type="secondary">{t('periods.pickMonth')}</Typography.Text>
        </Card>
      ) : (
        <PeriodDetail period={selected} />
      )}
    </Flex>
  );
}

function PeriodDetail({ period }: { period: string }) {
  const t = useT();
  const { message } = App.useApp();
  const detail = usePeriodDetail(period);
  const publish = usePublishPeriod();
  const review = useReviewPeriod();
  const reopen = useReopenPeriod();
  const [reopening, setReopening] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const data = detail.data;
  if (detail.error) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!data) return <Card loading />;
  const coverageCols = [
    { title: t('periods.col.name'), dataIndex: 'name' },
    { title: t('periods.col.expected'), dataIndex: 'expected' },
    { title: t('periods.col.reported'), dataIndex: 'reported' },
    {
      title: t('periods.col.missing'),
      key: 'missing',
      render: (_: unknown, row: { expected: number; reported: number }) => row.expected - row.reported,
    },
  ];
  type CoverageRow = { code: string; name: string; expected: number; reported: number };
  /** A tab of the month's coverage by chain, county or park: the table and its Excel export. */
  const coverageTab = (key: string, rows: CoverageRow[], name: string) => ({
    key,
    label: name,
    children: (
      <>
        {coverageExport(rows, name)}
        <Table size="small" rowKey="code" dataSource={rows} columns={coverageCols} pagination={false} />
      </>
    ),
  });
  const coverageExport = (rows: CoverageRow[], name: string) => (
    <ExportExcelButton
      fileName={`${t('periods.coverageTitle')}-${name}-${period}-${formatDateStamp()}`}
      sheetName={name}
      period={monthLabel(t, period)}
      columns={
        [
          { key: 'name', title: t('periods.col.name') },
          { key: 'expected', title: t('periods.col.expected') },
          { key: 'reported', title: t('periods.col.reported') },
          { key: 'missing', title: t('periods.col.missing') },
        ] as const
      }
      rows={rows.map((r) => ({ name: r.name, expected: r.expected, reported: r.reported, missing: r.expected - r.reported }))}
    />
  );
  return (
    <Card
      data-testid="period-detail"
      title={
        <Space wrap>
          <span>{period}</span>
          <Tag color={STATUS_COLOR[data.status]} data-testid="period-status">
            {t(`periods.status.${data.status}`)}
          </Tag>
          <span data-testid="period-coverage">{coverageLabel(t, data.coverage, 'zh-CN')}</span>
          <Typography.Text type="secondary">{t('periods.deadline', { date: data.dueDate })}</Typography.Text>
          {data.revisionsSincePublished ? <Tag color="red">{t('periods.revisions', { count: data.revisionsSincePublished })}</Tag> : null}
        </Space>
      }
      extra={
        <Space>
          {data.actions.includes('start_review') ? (
            <Button onClick={() => review.mutate({ period, back: false })} data-testid="period-start-review">
              {t('periods.action.start_review')}
            </Button>
          ) : null}
          {data.actions.includes('publish') ? (
            <Popconfirm
              title={t('periods.confirmPublish', { period, count: data.openReviewItems })}
              onConfirm={() => publish.mutate({ period }, { onSuccess: () => void message.success(t('periods.published', { period })) })}
              okText={t('periods.action.publish')}
            >
              <Button type="primary" loading={publish.isPending} data-testid="period-publish">
                {t('periods.action.publish')}
              </Button>
            </Popconfirm>
          ) : null}
          {publish.progress ? (
            <Typography.Text type="secondary" data-testid="period-publish-progress">
              {`${publish.progress.message} ${publish.progress.progress}%`}
            </Typography.Text>
          ) : null}
          {data.actions.includes('reopen') ? (
            <Button danger onClick={() => setReopening(true)} data-testid="period-reopen">
              {t('periods.action.reopen')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Modal
        open={reopening}
        title={t('periods.reopenTitle', { period })}
        okText={t('periods.action.reopen')}
        okButtonProps={{ danger: true }}
        onCancel={() => setReopening(false)}
        onOk={() =>
          void form.validateFields().then(({ reason }) => reopen.mutate({ period, reason }, { onSuccess: () => setReopening(false) }))
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('periods.reason')} rules={[{ required: true, min: 2, message: t('periods.reasonRequired') }]}>
            <Input.TextArea rows={3} data-testid="period-reopen-reason" />
          </Form.Item>
        </Form>
      </Modal>
      <Tabs
        items={[
          {
            key: 'review',
            label: t('periods.tab.review', { count: data.openReviewItems }),
            children: <ReviewItems period={period} items={data.reviewItems} />,
          },
          {
            key: 'missing',
            label: t('periods.tab.missing', { count: data.coverage.expected - data.coverage.reported }),
            children: <MissingFirms period={period} />,
          },
          coverageTab('chains', data.byChain, t('periods.tab.byChain')),
          coverageTab('regions', data.byRegion, t('periods.tab.byRegion')),
          coverageTab('parks', data.byPark, t('periods.tab.byPark')),
          {
            key: 'snapshots',
            label: t('periods.tab.snapshots', { count: data.snapshots.length }),
            children: (
              <Table
                size="small"
                rowKey="id"
                dataSource={data.snapshots}
                pagination={false}
                locale={{ emptyText: t('periods.noSnapshots') }}
                columns={[
                  { title: t('periods.col.snapshot'), dataIndex: 'id' },
                  { title: t('periods.col.publishedAt'), dataIndex: 'publishedAt', render: (at: string) => formatDateTime(at) },
                  { title: t('periods.col.publishedBy'), dataIndex: 'publishedBy' },
                  {
                    title: t('periods.col.coverage'),
                    key: 'coverage',
                    render: (_, s) => coverageLabel(t, s.coverage, 'zh-CN'),
                  },
                ]}
              />
            ),
          },
          {
            key: 'history',
            label: t('periods.tab.history'),
            children: (
              <Table
                size="small"
                rowKey="id"
                dataSource={data.events}
                pagination={false}
                columns={[
                  { title: t('periods.col.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
                  {
                    title: t('periods.col.action'),
                    dataIndex: 'action',
                    render: (a: string) =>
                      t(
                        `periods.action.${a as 'publish'}`,
                      ) /* Assertion: the server names actions of the workflow table, each with its periods.action.* message. */,
                  },
                  { title: t('periods.col.actor'), dataIndex: 'actorName' },
                  { title: t('periods.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The Excel file of a list of firms of the month: USCC and name first, then the list's own columns. */
function FirmsExport<K extends string>({
  name,
  period,
  columns,
  rows,
}: {
  name: string;
  period: string;
  columns: ReadonlyArray<ExcelColumn<K>>;
  rows: ReadonlyArray<Record<K | 'uscc' | 'name', ExcelCell>>;
}) {
  const t = useT();
  return (
    <ExportExcelButton<K | 'uscc' | 'name'>
      fileName={`${name}-${period}-${formatDateStamp()}`}
      sheetName={name}
      period={monthLabel(t, period)}
      columns={[{ key: 'uscc', title: 'USCC', width: 22 }, { key: 'name', title: t('periods.col.name'), width: 30 }, ...columns]}
      rows={rows}
    />
  );
}

/** The link from a firm of the month to its figures of that year. */
function FirmLink({ uscc, period, children }: { uscc: string; period: string; children: ReactNode }) {
  return <Link to={paths.figuresOfEnterprise.getHref(uscc, parsePeriod(period).year)}>{children}</Link>;
}

/** The firm's name in a list of the month, opening its figures of that year. */
function firmNameColumn<T extends { uscc: string }>(t: Translate, period: string): TableColumnType<T> {
  return {
    title: t('periods.col.name'),
    dataIndex: 'name',
    render: (name: string, row) => (
      <FirmLink uscc={row.uscc} period={period}>
        {name}
      </FirmLink>
    ),
  };
}

function MissingFirms({ period }: { period: string }) {
  const t = useT();
  const missing = useMissingFirms(period);
  const names = useReferenceNames();
  const items = missing.data?.items ?? [];
  const separator = t('common.listSeparator');
  const chainNames = (codes: readonly string[]) => codes.map((code) => names.chain(code) ?? code).join(separator);
  return (
    <Flex vertical gap={8}>
      <FirmsExport
        name={t('periods.tab.missingName')}
        period={period}
        columns={
          [
            { key: 'region', title: t('periods.col.region') },
            { key: 'park', title: t('periods.col.park') },
            { key: 'chains', title: t('periods.col.chains') },
          ] as const
        }
        rows={items.map((i) => ({ uscc: i.uscc, name: i.name, region: i.regionName, park: i.parkName, chains: chainNames(i.chainCodes) }))}
      />
      <Table
        size="small"
        rowKey="uscc"
        loading={missing.isPending}
        dataSource={items}
        data-testid="period-missing"
        locale={{ emptyText: t('periods.noMissing') }}
        columns={[
          firmNameColumn<(typeof items)[number]>(t, period),
          {
            title: t('periods.col.region'),
            dataIndex: 'regionName',
            render: (name: string, row) => <CodeName code={row.regionCode} name={name} />,
          },
          { title: t('periods.col.park'), dataIndex: 'parkName', render: (p: string | null) => p ?? '—' },
          {
            title: t('periods.col.chains'),
            dataIndex: 'chainCodes',
            render: (codes: string[]) => (
              <Space size={[8, 0]} wrap>
                {codes.map((code) => (
                  <CodeName key={code} code={code} name={names.chain(code)} />
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Flex>
  );
}

/** How a suspect month is settled: its value confirmed, or corrected. */
const SETTLE_ACTIONS = ['confirm', 'correct'] as const;
type Settling = { item: ReviewItem; action: (typeof SETTLE_ACTIONS)[number] } | null;

function ReviewItems({ period, items }: { period: string; items: ReviewItem[] }) {
  const t = useT();
  const { locale } = useLocale();
  const dispose = useSetDisposition();
  const [settling, setSettling] = useState<Settling>(null);
  const [form] = Form.useForm<{ note: string; correctionSource: CorrectionSource; reference: string }>();
  const submit = async () => {
    if (settling === null) return;
    const values = await form.validateFields();
    const base = { period, uscc: settling.item.uscc, kind: settling.item.kind, note: values.note || undefined };
    const body =
      settling.action === 'confirm'
        ? { ...base, status: 'confirmed' as const }
        : { ...base, status: 'corrected' as const, correctionSource: values.correctionSource, reference: values.reference || undefined };
    dispose.mutate(body, { onSuccess: () => setSettling(null) });
  };
  return (
    <>
      <FirmsExport
        name={t('periods.tab.reviewName')}
        period={period}
        columns={
          [
            { key: 'kind', title: t('periods.col.kind') },
            { key: 'status', title: t('periods.col.disposition') },
            { key: 'note', title: t('periods.note'), width: 30 },
          ] as const
        }
        rows={items.map((i) => ({
          uscc: i.uscc,
          name: i.name,
          kind: t(`periods.kind.${i.kind}`),
          status: t(`periods.disposition.${i.status}`),
          note: i.note,
        }))}
      />
      <Table<ReviewItem>
        size="small"
        rowKey={(r) => `${r.uscc}-${r.kind}`}
        dataSource={items}
        pagination={false}
        data-testid="period-review-items"
        locale={{ emptyText: t('periods.noReviewItems') }}
        columns={[
          firmNameColumn(t, period),
          { title: t('periods.col.kind'), dataIndex: 'kind', render: (k: ReviewItem['kind']) => t(`periods.kind.${k}`) },
          { title: t('periods.col.output'), dataIndex: 'grossOutput', render: (v: number | null) => formatYi(v, locale) },
          {
            title: t('periods.col.disposition'),
            dataIndex: 'status',
            render: (s: ReviewItem['status'], row) => (
              <Tag color={row.open ? 'orange' : 'green'} data-testid={`review-status-${row.uscc}`}>
                {t(`periods.disposition.${s}`)}
              </Tag>
            ),
          },
          {
            title: t('periods.note'),
            key: 'note',
            render: (_, row) =>
              [row.note, row.correctionSource ? t(`periods.source.${row.correctionSource}`) : null, row.reference, row.updatedBy]
                .filter(Boolean)
                .join(' · ') || '—',
          },
          {
            title: t('periods.col.actions'),
            key: 'actions',
            render: (_, row) => (
              <Space>
                {SETTLE_ACTIONS.map((action) => (
                  <Button
                    key={action}
                    size="small"
                    onClick={() => {
                      form.resetFields();
                      setSettling({ item: row, action });
                    }}
                    data-testid={`review-${action}-${row.uscc}`}
                  >
                    {t(`periods.${action}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={settling !== null}
        title={settling === null ? '' : `${settling.item.name} · ${t(`periods.${settling.action}`)}`}
        onCancel={() => setSettling(null)}
        onOk={() => void submit()}
        okButtonProps={{ loading: dispose.isPending }}
        okText={t('periods.save')}
      >
        {settling?.action === 'correct' ? (
          <Typography.Paragraph type={settling.item.revisedSinceDetected ? 'success' : 'warning'}>
            {settling.item.revisedSinceDetected ? t('periods.revisedSince') : t('periods.enterCorrectionFirst')}{' '}
            <FirmLink uscc={settling.item.uscc} period={period}>
              {t('periods.openFigures')}
            </FirmLink>
          </Typography.Paragraph>
        ) : null}
        <Form form={form} layout="vertical">
          {settling?.action === 'correct' ? (
            <>
              <Form.Item
                name="correctionSource"
                label={t('periods.sourceLabel')}
                rules={[{ required: true, message: t('periods.sourceRequired') }]}
              >
                <Radio.Group
                  options={CORRECTION_SOURCES.map((s) => ({ value: s, label: t(`periods.source.${s}`) }))}
                  data-testid="review-source"
                />
              </Form.Item>
              <Form.Item name="reference" label={t('periods.reference')}>
                <Input data-testid="review-reference" />
              </Form.Item>
            </>
          ) : null}
          <Form.Item
            name="note"
            label={settling?.action === 'confirm' ? t('periods.confirmReason') : t('periods.note')}
            rules={settling?.action === 'confirm' ? [{ required: true, min: 2, message: t('periods.reasonRequired') }] : []}
          >
            <Input.TextArea rows={2} data-testid="review-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
