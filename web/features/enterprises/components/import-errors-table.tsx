import { Table, type TableColumnsType } from 'antd';
import type { ImportRowError } from '../../../../shared/contracts/enterprises';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { formatDateStamp } from '../../../lib/format';
import { useT } from '../../../lib/i18n';

type ExportKey = 'row' | 'column' | 'value' | 'reason';

/** Every row error of an import file (row as Excel numbers it, column header, cell, reason), exportable. */
export function ImportErrorsTable({ errors, fileName }: { errors: ImportRowError[]; fileName: string }) {
  const t = useT();
  const columns: TableColumnsType<ImportRowError> = [
    { key: 'row', title: t('enterprises.import.errorRow'), dataIndex: 'row', width: 80 },
    { key: 'column', title: t('enterprises.import.errorColumn'), dataIndex: 'column', width: 140 },
    { key: 'value', title: t('enterprises.import.errorValue'), dataIndex: 'value', width: 220, ellipsis: true },
    { key: 'reason', title: t('enterprises.import.errorReason'), dataIndex: 'reason' },
  ];
  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'row', title: t('enterprises.import.errorRow'), width: 8 },
    { key: 'column', title: t('enterprises.import.errorColumn'), width: 16 },
    { key: 'value', title: t('enterprises.import.errorValue'), width: 30 },
    { key: 'reason', title: t('enterprises.import.errorReason'), width: 60 },
  ];
  const exportRows = errors.map((e): Record<ExportKey, ExcelCell> => ({ row: e.row, column: e.column, value: e.value, reason: e.reason }));
  return (
    <>
      <div style={{ textAlign: 'right', marginBottom: 8 }}>
        <ExportExcelButton
          fileName={`${fileName}-${t('enterprises.import.errorsSheet')}-${formatDateStamp()}`}
          sheetName={t('enterprises.import.errorsSheet')}
          columns={exportColumns}
          rows={exportRows}
        />
      </div>
      <Table<ImportRowError>
        rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
        size="small"
        data-testid="import-errors"
        columns={columns}
        dataSource={errors}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
    </>
  );
}
