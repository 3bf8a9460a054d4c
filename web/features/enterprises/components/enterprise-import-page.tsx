import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Progress, Radio, Result, Select, Space, Steps, Typography, Upload } from 'antd';
import { Link } from 'react-router';
import { IMPORT_MODES, importReport, type ImportMode, type ImportReport } from '../../../../shared/contracts/enterprises';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatNumber } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useMe } from '../../../hooks/use-me';
import type { Job } from '../../../../shared/contracts/jobs';
import { JobProgress } from '../../../components/job-progress';
import { rememberedJob } from '../../../lib/jobs';
import { IMPORT_MAX_BYTES, useImportEnterprisesJob, type EnterpriseImportOptions } from '../api/import-enterprises';
import { ImportErrorsTable } from './import-errors-table';
import { ImportWarningsTable } from './import-warnings-table';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; dryRun: boolean }
  | { kind: 'checked'; report: ImportReport }
  | { kind: 'done'; report: ImportReport };

type FileInfo = { name: string; size: number };

/** The import job this tab is following (a reload picks it up again). */
const runningImport = rememberedJob<{ options: EnterpriseImportOptions; file: FileInfo }>('enterprises-import');

/**
 * 导入企业: download the template, upload a file for a check (nothing written), then confirm. Both run
 * as a job on the server (any instance runs it): its progress is read until it ends, also after the
 * page is reloaded (then the file must be picked again to confirm).
 */
export function EnterpriseImportPage() {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const importFile = useImportEnterprisesJob();
  // A job started before a reload (the screen opens on its progress, then its report).
  const [resumed] = useState(() => runningImport.get());
  const [file, setFile] = useState<File | null>(null);
  const [fileInfo, setFileInfo] = useState<FileInfo | null>(resumed?.file ?? null);
  const [phase, setPhase] = useState<Phase>(resumed ? { kind: 'uploading', dryRun: resumed.options.dryRun } : { kind: 'idle' });
  const [progress, setProgress] = useState(resumed ? 100 : 0);
  const [server, setServer] = useState<Job | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const thisYear = new Date().getFullYear();
  const [mode, setMode] = useState<ImportMode>(resumed?.options.mode ?? 'add');
  const [fromYear, setFromYear] = useState(resumed?.options.effectiveFromYear ?? thisYear);
  const [accepted, setAccepted] = useState(false);
  const csrfToken = me.data?.csrfToken ?? null;

  const follow = (chosen: File | null, options: EnterpriseImportOptions, info: FileInfo, resumeJobId?: string) =>
    importFile.mutate(
      {
        ...options,
        file: chosen,
        resumeJobId,
        csrfToken,
        onProgress: setProgress,
        onJob: (id) => runningImport.set({ id, options, file: info }),
        onJobProgress: setServer,
      },
      {
        // A confirm held back by warnings (the data changed since the check) shows them again.
        onSuccess: (report) => {
          runningImport.clear();
          setPhase(options.dryRun || !report.written ? { kind: 'checked', report } : { kind: 'done', report });
        },
        onError: (err) => {
          runningImport.clear();
          // A real import that found errors after all (the data changed since the check) returns the report.
          const report = err instanceof ApiError ? importReport.safeParse(err.details) : null;
          if (report?.success) setPhase({ kind: 'checked', report: report.data });
          else {
            setFailure(err.message);
            setPhase({ kind: 'idle' });
          }
        },
      },
    );

  // A job started before a reload: follow it to its report.
  useEffect(() => {
    if (resumed) follow(null, resumed.options, resumed.file, resumed.id);
    // Once, when the screen opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (me.data?.user.role !== 'admin') return <Result status="403" title={t('common.noAccess')} subTitle={t('error.forbidden')} />;

  const run = (chosen: File, dryRun: boolean) => {
    setFailure(null);
    setProgress(0);
    setServer(null);
    if (chosen.size > IMPORT_MAX_BYTES) {
      setFailure(t('enterprises.import.tooLargeLocal'));
      setPhase({ kind: 'idle' });
      return;
    }
    setPhase({ kind: 'uploading', dryRun });
    if (dryRun) setAccepted(false);
    const info = { name: chosen.name, size: chosen.size };
    setFileInfo(info);
    follow(chosen, { dryRun, mode, effectiveFromYear: fromYear, acceptWarnings: !dryRun && accepted }, info);
  };

  const choose = (chosen: File) => {
    setFile(chosen);
    run(chosen, true);
    return false;
  };

  const current =
    phase.kind === 'done'
      ? 2
      : phase.kind === 'checked' && phase.report.errors.length === 0
        ? 2
        : phase.kind === 'checked'
          ? 1
          : fileInfo
            ? 1
            : 0;
  const fileLabel = fileInfo
    ? t('enterprises.import.fileInfo', { name: fileInfo.name, size: `${formatNumber(fileInfo.size / 1024, locale, 1)} KB` })
    : '';

  const dragger = (
    <Upload.Dragger
      accept=".xlsx,.csv"
      multiple={false}
      showUploadList={false}
      beforeUpload={choose}
      disabled={phase.kind === 'uploading'}
      data-testid="import-upload"
    >
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {t('enterprises.import.uploadHint')}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('enterprises.import.uploadNote')}</Typography.Text>
    </Upload.Dragger>
  );

  return (
    <Card title={t('enterprises.import.title')} extra={<Link to={paths.enterprises.getHref()}>{t('enterprises.back')}</Link>}>
      <Flex vertical gap={20}>
        <Steps
          current={current}
          items={[
            { title: t('enterprises.import.step1') },
            { title: t('enterprises.import.step2') },
            { title: t('enterprises.import.step3') },
          ]}
        />
        <Space wrap>
          <Button href="/api/enterprises/import/template" download data-testid="import-template">
            {t('enterprises.import.downloadTemplate')}
          </Button>
          <Typography.Text type="secondary">{t('enterprises.import.templateHint')}</Typography.Text>
        </Space>

        {phase.kind === 'done' ? (
          <Result
            status="success"
            data-testid="import-done"
            title={t('enterprises.import.done', {
              created: phase.report.created,
              updated: phase.report.updated,
              unchanged: phase.report.unchanged,
            })}
            subTitle={fileLabel}
            extra={[
              <Link key="list" to={paths.enterprises.getHref()}>
                <Button type="primary" data-testid="import-to-list">
                  {t('enterprises.import.toList')}
                </Button>
              </Link>,
              <Button
                key="again"
                onClick={() => {
                  setFile(null);
                  setFileInfo(null);
                  setPhase({ kind: 'idle' });
                }}
              >
                {t('enterprises.import.again')}
              </Button>,
            ]}
          />
        ) : null}

        {phase.kind === 'idle' ? (
          <Flex vertical gap={8} data-testid="import-options">
            <Typography.Text strong>{t('enterprises.import.mode')}</Typography.Text>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value === 'replace' ? 'replace' : 'add')} data-testid="import-mode">
              <Flex vertical gap={4}>
                {IMPORT_MODES.map((m) => (
                  <Radio key={m} value={m}>
                    {t(`enterprises.import.mode.${m}`)}
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
            <Space>
              <span>{t('enterprises.import.fromYear')}</span>
              <Select
                value={fromYear}
                style={{ width: 120 }}
                onChange={setFromYear}
                data-testid="import-from-year"
                options={Array.from({ length: thisYear - 2018 + 2 }, (_, i) => thisYear + 1 - i).map((y) => ({
                  value: y,
                  label: String(y),
                }))}
              />
            </Space>
          </Flex>
        ) : null}
        {phase.kind === 'idle' ? dragger : null}
        {failure ? <Alert type="error" showIcon title={failure} data-testid="import-failure" /> : null}

        {phase.kind === 'uploading' ? (
          <Flex vertical gap={8} data-testid="import-progress">
            <Typography.Text>
              {fileLabel} — {t(phase.dryRun ? 'enterprises.import.checking' : 'enterprises.import.importing')}
            </Typography.Text>
            <Progress percent={progress} status="active" />
            {progress >= 100 ? <JobProgress job={server} waiting={t('figures.import.processing')} testId="import-progress-server" /> : null}
          </Flex>
        ) : null}

        {phase.kind === 'checked' ? <CheckResult report={phase.report} fileLabel={fileLabel} fileName={fileInfo?.name ?? ''} /> : null}
        {phase.kind === 'checked' && phase.report.errors.length === 0 && phase.report.warnings.length > 0 ? (
          <Checkbox checked={accepted} onChange={(e) => setAccepted(e.target.checked)} data-testid="import-accept-warnings">
            {t('enterprises.import.acceptWarnings')}
          </Checkbox>
        ) : null}
        {phase.kind === 'checked' ? (
          <Space>
            {phase.report.errors.length === 0 && phase.report.created + phase.report.updated > 0 && file ? (
              <Button
                type="primary"
                data-testid="import-confirm"
                disabled={phase.report.warnings.length > 0 && !accepted}
                onClick={() => run(file, false)}
              >
                {t('enterprises.import.confirm')}
              </Button>
            ) : null}
            <Button
              onClick={() => {
                setFile(null);
                setFileInfo(null);
                setPhase({ kind: 'idle' });
              }}
              data-testid="import-again"
            >
              {t('enterprises.import.again')}
            </Button>
          </Space>
        ) : null}
      </Flex>
    </Card>
  );
}

function CheckResult({ report, fileLabel, fileName }: { report: ImportReport; fileLabel: string; fileName: string }) {
  const t = useT();
  const ignored =
    report.ignoredColumns.length > 0
      ? t('enterprises.import.ignoredColumns', { columns: report.ignoredColumns.join(t('common.listSeparator')) })
      : null;
  if (report.errors.length > 0) {
    return (
      <Flex vertical gap={12}>
        <Alert
          type="error"
          showIcon
          data-testid="import-check"
          title={t('enterprises.import.checkFailed', { count: report.errors.length })}
          description={fileLabel}
        />
        <ImportErrorsTable errors={report.errors} fileName={fileName} />
      </Flex>
    );
  }
  const nothing = report.created + report.updated === 0;
  const removals =
    report.removals.scaleYears + report.removals.memberships > 0
      ? t('enterprises.import.removals', { ...report.removals, year: report.effectiveFromYear })
      : null;
  const summary = (
    <Alert
      type={nothing ? 'info' : 'success'}
      showIcon
      data-testid="import-check"
      title={
        nothing
          ? t('enterprises.import.nothingToDo')
          : t('enterprises.import.checkOk', {
              rows: report.rows,
              created: report.created,
              updated: report.updated,
              unchanged: report.unchanged,
            })
      }
      description={[fileLabel, removals, ignored].filter(Boolean).join(' · ')}
    />
  );
  if (report.warnings.length === 0) return summary;
  return (
    <Flex vertical gap={12}>
      {summary}
      <Alert
        type="warning"
        showIcon
        data-testid="import-warnings-alert"
        title={
          report.confirmationRequired
            ? t('enterprises.import.heldForWarnings')
            : t('enterprises.import.warningsTitle', { count: report.warnings.length })
        }
        description={t('enterprises.import.warningsHint')}
      />
      <ImportWarningsTable warnings={report.warnings} fileName={fileName} />
    </Flex>
  );
}
