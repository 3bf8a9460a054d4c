import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Divider, Flex, Form, Input, Progress, Select, Space, Typography, Upload } from 'antd';
import { JobProgress } from '../../../components/job-progress';
import { MONEY_UNITS, type ImportReport, type MoneyUnit } from '../../../../shared/contracts/figures';
import { formatNumber } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import type { Job } from '../../../../shared/contracts/jobs';
import { rememberedJob } from '../../../lib/jobs';
import { IMPORT_MAX_BYTES, useImportFiguresJob, type ImportOptions } from '../api/import-figures';
import { FirmLookup } from './firm-lookup';
import { IssuesTable } from './issues-table';

type Phase = { kind: 'idle' } | { kind: 'uploading' } | { kind: 'report'; report: ImportReport; options: ImportOptions };

/** The import job this tab is following (a reload picks it up again). */
const runningImport = rememberedJob<{ options: ImportOptions }>('figures-import');

/**
 * 月度数据导入: template download, a file with its options (period when the file has no period
 * column, the money unit where headers name none, check only), upload with progress, then the row
 * errors, or the warnings to confirm, or the counts. The import runs as a job on the server (any
 * instance runs it): its progress is read until it ends, also after the page is reloaded.
 */
export function FiguresImportPage({ csrfToken }: { csrfToken: string }) {
  const t = useT();
  const { locale } = useLocale();
  const importFile = useImportFiguresJob();
  const [file, setFile] = useState<File | null>(null);
  const [period, setPeriod] = useState('');
  const [unit, setUnit] = useState<MoneyUnit>('元');
  const [dryRun, setDryRun] = useState(false);
  // A job started before a reload (the screen opens on its progress, then its report).
  const [resumed] = useState(() => runningImport.get());
  const [percent, setPercent] = useState(resumed ? 100 : 0);
  const [server, setServer] = useState<Job | null>(null);
  const [phase, setPhase] = useState<Phase>(resumed ? { kind: 'uploading' } : { kind: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);

  const follow = (input: { file: File | null; resumeJobId?: string; options: ImportOptions }) =>
    importFile.mutate(
      {
        ...input,
        csrfToken,
        onProgress: setPercent,
        onJob: (id) => runningImport.set({ id, options: input.options }),
        onJobProgress: setServer,
      },
      {
        onSuccess: (report) => {
          runningImport.clear();
          setPhase({ kind: 'report', report, options: input.options });
        },
        onError: (err) => {
          runningImport.clear();
          setFailure(err.message);
          setPhase({ kind: 'idle' });
        },
      },
    );

  const run = (options: ImportOptions) => {
    if (!file) return;
    setFailure(null);
    if (file.size > IMPORT_MAX_BYTES) {
      setFailure(t('error.payload_too_large'));
      return;
    }
    setPercent(0);
    setServer(null);
    setPhase({ kind: 'uploading' });
    follow({ file, options });
  };

  // A job started before a reload: follow it to its report.
  useEffect(() => {
    if (resumed) follow({ file: null, resumeJobId: resumed.id, options: resumed.options });
    // Once, when the screen opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const uploading = phase.kind === 'uploading';
  return (
    <Card title={t('figures.import.title')} extra={<FirmLookup />}>
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('figures.import.intro')}
        </Typography.Paragraph>
        <Space wrap>
          <Button href="/api/figures/template?format=xlsx" download data-testid="figures-template">
            {t('figures.import.templateXlsx')}
          </Button>
          <Button href="/api/figures/template?format=csv" download>
            {t('figures.import.templateCsv')}
          </Button>
        </Space>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          disabled={uploading}
          data-testid="figures-upload"
          fileList={file ? [{ uid: 'file', name: `${file.name} (${formatNumber(file.size / 1024, locale, 1)} KB)`, status: 'done' }] : []}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setPhase({ kind: 'idle' });
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <Typography.Text>{t('figures.import.dragHint')}</Typography.Text>
        </Upload.Dragger>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('figures.import.period')} tooltip={t('figures.import.periodHint')}>
            <Input
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
              placeholder="2024-06"
              style={{ width: 160 }}
              data-testid="figures-period"
            />
          </Form.Item>
          <Form.Item label={t('figures.import.unit')}>
            <Select<MoneyUnit>
              value={unit}
              onChange={setUnit}
              options={MONEY_UNITS.map((u) => ({ value: u, label: u }))}
              style={{ width: 100 }}
              data-testid="figures-unit"
            />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
              {t('figures.import.dryRun')}
            </Checkbox>
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              disabled={!file || uploading}
              data-testid="figures-submit"
              onClick={() => run({ dryRun, acceptWarnings: false, period: period.trim() || undefined, unit })}
            >
              {t('figures.import.submit')}
            </Button>
          </Form.Item>
        </Form>
        {uploading ? (
          <Flex vertical gap={8} data-testid="figures-progress">
            <Progress percent={percent} status="active" format={(p) => `${t('figures.import.uploading')} ${p ?? 0}%`} />
            {percent >= 100 ? <JobProgress job={server} waiting={t('figures.import.processing')} testId="figures-progress-server" /> : null}
          </Flex>
        ) : null}
        {failure ? <Alert type="error" showIcon title={failure} data-testid="figures-failure" /> : null}
        {phase.kind === 'report' ? (
          <ImportResult report={phase.report} onConfirm={() => run({ ...phase.options, acceptWarnings: true })} />
        ) : null}
      </Flex>
    </Card>
  );
}

function ImportResult({ report, onConfirm }: { report: ImportReport; onConfirm: () => void }) {
  const t = useT();
  const counts = { created: report.created, updated: report.updated, unchanged: report.unchanged };
  const summary =
    report.headerRow === null
      ? null
      : t('figures.import.summary', {
          rows: report.rows,
          headerRow: report.headerRow,
          periods: report.periods.join(t('common.listSeparator')) || '—',
        });
  const ignored =
    report.ignoredColumns.length > 0
      ? t('figures.import.ignoredColumns', { columns: report.ignoredColumns.join(t('common.listSeparator')) })
      : null;
  const description = [summary, ignored].filter(Boolean).join(' · ');
  let headline;
  if (report.errors.length > 0) {
    headline = (
      <Alert type="error" showIcon title={t('figures.import.errorsTitle', { count: report.errors.length })} description={description} />
    );
  } else if (report.confirmationRequired) {
    headline = (
      <Alert
        type="warning"
        showIcon
        title={t('figures.import.pending', counts)}
        description={description}
        action={
          <Button type="primary" danger onClick={onConfirm} data-testid="figures-confirm">
            {t('figures.import.confirm')}
          </Button>
        }
      />
    );
  } else {
    headline = (
      <Alert
        type={report.dryRun ? 'info' : 'success'}
        showIcon
        title={t(report.dryRun ? 'figures.import.dryRunResult' : 'figures.import.result', counts)}
        description={description}
      />
    );
  }
  return (
    <Flex vertical gap={16} data-testid="figures-result">
      {headline}
      {report.errors.length > 0 ? (
        <IssuesTable kind="errors" issues={report.errors} title={t('figures.import.errorsList', { count: report.errors.length })} />
      ) : null}
      {report.errors.length > 0 && report.warnings.length > 0 ? <Divider style={{ margin: 0 }} /> : null}
      {report.warnings.length > 0 ? (
        <IssuesTable kind="warnings" issues={report.warnings} title={t('figures.import.warningsList', { count: report.warnings.length })} />
      ) : null}
    </Flex>
  );
}
