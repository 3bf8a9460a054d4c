import { useState } from 'react';
import { Alert, Button, Flex, Modal, Radio, Upload } from 'antd';
import type { ImportRowError } from '../../../../shared/contracts/enterprises';
import type { ProjectImportReport } from '../../../../shared/contracts/projects';
import { DataTable } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { useMe } from '../../../hooks/use-me';
import { useT } from '../../../lib/i18n';
import { useImportProjects } from '../api/import-projects';

type Kind = 'projects' | 'investment';
type ErrorRow = ImportRowError & { id: number };

/**
 * 导入: a file of leads or of monthly investment. 检查 runs a dry run that lists every row error;
 * 导入 writes it (all rows or none) and is offered only after a clean check of the same file.
 */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const upload = useImportProjects();
  const [kind, setKind] = useState<Kind>('projects');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ProjectImportReport | null>(null);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setReport(await upload.mutateAsync({ file, kind, dryRun, csrfToken: me.data?.csrfToken ?? null }));
  };
  const checkedClean = report !== null && report.dryRun && report.errors.length === 0;
  const errors: ErrorRow[] = (report?.errors ?? []).map((e, i) => ({ ...e, id: i }));

  return (
    <Modal open title={t('projects.import.title')} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      <Flex vertical gap={12}>
        <Radio.Group
          value={kind}
          onChange={(e) => {
            setKind(e.target.value === 'investment' ? 'investment' : 'projects');
            setReport(null);
          }}
          options={[
            { value: 'projects', label: t('projects.import.kindProjects') },
            { value: 'investment', label: t('projects.import.kindInvestment') },
          ]}
        />
        <Flex gap={8} wrap>
          <Button href={`/api/projects/import/template?kind=${kind}`} download>
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
          <Button disabled={!file} loading={upload.isPending} onClick={() => void run(true)}>
            {t('projects.import.check')}
          </Button>
          <Button type="primary" disabled={!checkedClean} loading={upload.isPending} onClick={() => void run(false)}>
            {t('projects.import.run')}
          </Button>
        </Flex>
        {upload.error ? <ErrorAlert error={upload.error} /> : null}
        {report ? (
          <Alert
            type={report.errors.length > 0 ? 'error' : 'success'}
            showIcon
            title={
              report.errors.length > 0
                ? t('projects.import.hasErrors', { count: report.errors.length })
                : report.written
                  ? t('projects.import.done', { count: report.created })
                  : t('projects.import.checked', { count: report.created })
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
