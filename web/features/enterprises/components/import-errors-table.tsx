import type { ImportRowError } from '../../../../shared/contracts/enterprises';
import { DataTable } from '../../../components/data-table';
import { useT } from '../../../lib/i18n';

/** Every row error of an import file (row as Excel numbers it, column header, cell, reason), exportable. */
export function ImportErrorsTable({ errors, fileName }: { errors: ImportRowError[]; fileName: string }) {
  const t = useT();
  return (
    <DataTable<ImportRowError>
      rows={errors}
      empty={null}
      paging="client"
      columns={[
        { key: 'row', title: t('enterprises.import.errorRow'), dataIndex: 'row', width: 80, excelWidth: 8 },
        { key: 'column', title: t('enterprises.import.errorColumn'), dataIndex: 'column', width: 140 },
        { key: 'value', title: t('enterprises.import.errorValue'), dataIndex: 'value', width: 220, ellipsis: true, excelWidth: 30 },
        { key: 'reason', title: t('enterprises.import.errorReason'), dataIndex: 'reason', excelWidth: 60 },
      ]}
      rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
      exportName={[fileName, t('enterprises.import.errorsSheet')]}
      testId="import-errors"
      tableProps={{ size: 'small' }}
    />
  );
}
