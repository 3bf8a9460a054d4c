import { useState, type ReactNode } from 'react';
import { Alert, Button, Flex, Modal, Upload } from 'antd';
import type { ImportRowError } from '../../shared/contracts/enterprises';
import type { Job } from '../../shared/contracts/jobs';
import { JobProgress } from './job-progress';
import { useT } from '../lib/i18n';
import { DataTable } from './data-table';
import { ErrorAlert } from './error-alert';

type ErrorRow = ImportRowError & { id: number };
/** What an import answers: rows it would add (or added), whether it wrote, and every row error. */
export type ImportReportLike = { dryRun: boolean; written: boolean; created: number; errors: ImportRowError[] };

/**
 * An import dialog: the template, a file, 检查 (a dry run that lists every row error) and 导入 (all rows
 * or none), offered only after a clean check of the same file. Both run as a job on the server: its
 * progress shows while it runs. `choice` sits above (a kind of file);
 * changing it should call `reset` through a new `resetKey`.
 */
export function ImportDialog<R extends ImportReportLike>(props: {
  title: string;
  templateHref: string;
  choice?: ReactNode;
  resetKey?: string;
  run: (file: File, dryRun: boolean) => Promise<R>;
  pending: boolean;
  /** The running import job (`useImportJob`'s `progress`), shown while the import runs. */
  progress?: Job | null;
  error: Error | null;
  onClose: () => void;
}) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<{ key: string | undefined; value: R } | null>(null);
  const current = report !== null && report.key === props.resetKey ? report.value : null;
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setReport({ key: props.resetKey, value: await props.run(file, dryRun) });
  };
  const checkedClean = current !== null && current.dryRun && current.errors.length === 0;
  const errors: ErrorRow[] = (current?.errors ?? []).map((e, i) => ({ ...e, id: i }));

  return (
    <Modal open title={props.title} onCancel={props.onClose} footer={null} width={760} destroyOnHidden>
      <Flex vertical gap={12}>
        {props.choice}
        <Flex gap={8} wrap>
          <Button href={props.templateHref} download>
            {t('projects.import.template')}
          </Button>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(picked) => {
              setFile(picked);
              setReport(null);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button>{t('projects.import.pick')}</Button>
          </Upload>
          <Button disabled={!file} loading={props.pending} onClick={() => void run(true)}>
            {t('projects.import.check')}
          </Button>
          <Button type="primary" disabled={!checkedClean} loading={props.pending} onClick={() => void run(false)}>
            {t('projects.import.run')}
          </Button>
        </Flex>
        {props.pending ? (
          <JobProgress job={props.progress ?? null} waiting={t('projects.import.running')} testId="import-job-progress" />
        ) : null}
        {props.error ? <ErrorAlert error={props.error} /> : null}
        {current ? (
          <Alert
            type={current.errors.length > 0 ? 'error' : 'success'}
            showIcon
            title={
              current.errors.length > 0
                ? t('projects.import.hasErrors', { count: current.errors.length })
                : current.written
                  ? t('projects.import.done', { count: current.created })
                  : t('projects.import.checked', { count: current.created })
            }
          />
        ) : null}
        {errors.length > 0 ? (
          <DataTable<ErrorRow>
            rows={errors}
            columns={[
              { key: 'row', title: t('projects.import.row'), dataIndex: 'row', width: 70 },
              { key: 'column', title: t('projects.import.column'), dataIndex: 'column', width: 140 },
              { key: 'value', title: t('projects.import.value'), excel: (e) => e.value },
              { key: 'reason', title: t('projects.import.reason'), dataIndex: 'reason', excelWidth: 50 },
            ]}
            exportName={t('projects.import.errorsSheet')}
            empty={null}
            paging="client"
            tableProps={{ size: 'small' }}
          />
        ) : null}
      </Flex>
    </Modal>
  );
}
