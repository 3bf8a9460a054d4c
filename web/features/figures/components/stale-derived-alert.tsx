import { Alert, App, Button, Flex, Popconfirm, Table, type TableColumnsType } from 'antd';
import type { StaleDerivedItem } from '../../../../shared/contracts/figures';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { formatDateStamp, yuanToWan } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useRederiveFigures } from '../api/rederive-figures';
import { useFigureText } from '../hooks/use-figure-text';
import { capitalize } from '../utils/amounts';

type ExportKey = 'period' | 'field' | 'ytd' | 'previous' | 'stored' | 'rederived';

/**
 * Months derived from a reported 累计 that a revision of an earlier month made stale, with the
 * re-derive action (asks first; each month becomes a revision). Nothing shows when none is stale.
 */
export function StaleDerivedAlert({
  uscc,
  name,
  items,
  canEdit,
}: {
  uscc: string;
  name: string;
  items: StaleDerivedItem[];
  canEdit: boolean;
}) {
  const t = useT();
  const text = useFigureText();
  const { message } = App.useApp();
  const rederive = useRederiveFigures();
  if (items.length === 0) return null;
  const columns: TableColumnsType<StaleDerivedItem> = [
    { key: 'period', title: t('figures.derived.period'), dataIndex: 'period' },
    { key: 'field', title: t('figures.derived.field'), render: (_, s) => capitalize(t(`figures.field.${s.field}`)) },
    { key: 'ytd', title: t('figures.derived.ytd'), align: 'right', render: (_, s) => text(s.field, s.ytd) },
    { key: 'previous', title: t('figures.derived.previous'), align: 'right', render: (_, s) => text(s.field, s.previousMonths) },
    { key: 'stored', title: t('figures.derived.stored'), align: 'right', render: (_, s) => text(s.field, s.stored) },
    {
      key: 'rederived',
      title: t('figures.derived.rederived'),
      align: 'right',
      render: (_, s) => (s.canRederive ? text(s.field, s.rederived) : `${text(s.field, s.rederived)}（${t('figures.derived.negative')}）`),
    },
  ];
  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'period', title: t('figures.derived.period'), width: 10 },
    { key: 'field', title: t('figures.derived.field'), width: 14 },
    { key: 'ytd', title: t('figures.derived.ytd'), width: 18 },
    { key: 'previous', title: t('figures.derived.previous'), width: 18 },
    { key: 'stored', title: t('figures.derived.stored'), width: 18 },
    { key: 'rederived', title: t('figures.derived.rederived'), width: 18 },
  ];
  const exportRows = items.map((s): Record<ExportKey, ExcelCell> => ({
    period: s.period,
    field: capitalize(t(`figures.field.${s.field}`)),
    ytd: yuanToWan(s.ytd),
    previous: yuanToWan(s.previousMonths),
    stored: yuanToWan(s.stored),
    rederived: yuanToWan(s.rederived),
  }));
  const onConfirm = () =>
    rederive.mutate(uscc, {
      onSuccess: (result) => void message.success(t('figures.derived.done', { count: result.rederived.length })),
    });
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="figures-stale-derived"
      title={t('figures.derived.title', { count: items.length })}
      description={
        <Flex vertical gap={8}>
          <span>{t('figures.derived.hint')}</span>
          <Table<StaleDerivedItem>
            rowKey={(s) => `${s.period}-${s.field}`}
            size="small"
            columns={columns}
            dataSource={items}
            pagination={false}
          />
          <Flex gap={8} justify="flex-end">
            <ExportExcelButton
              fileName={`${name}-${t('figures.derived.sheet')}-${formatDateStamp()}`}
              sheetName={t('figures.derived.sheet')}
              columns={exportColumns}
              rows={exportRows}
            />
            {canEdit ? (
              <Popconfirm
                title={t('figures.derived.confirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={onConfirm}
              >
                <Button
                  type="primary"
                  loading={rederive.isPending}
                  disabled={!items.some((s) => s.canRederive)}
                  data-testid="figures-rederive"
                >
                  {t('figures.derived.button')}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
        </Flex>
      }
    />
  );
}
