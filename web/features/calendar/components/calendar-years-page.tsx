import { useState } from 'react';
import { Card, Typography } from 'antd';
import type { CalendarYearItem } from '../../../../shared/contracts/calendar';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { rowActionsColumn } from '../../../components/row-actions';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { getCalendarYear } from '../api/get-calendar-year';
import { useCalendarYears } from '../api/get-calendar-years';
import { useDeleteCalendarYear } from '../api/delete-calendar-year';
import { CalendarYearFormModal, type CalendarYearDraft } from './calendar-year-form-modal';

/** This year and the next in Beijing (deadlines reach into the next from November on). */
function yearsThatMatter(): number[] {
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  return [year, year + 1];
}

/**
 * 工作日历 (admin): the years the working-day calendar holds with their source, the years missing,
 * and entering a year (or correcting one) from the State Council's notice.
 */
export function CalendarYearsPage() {
  const t = useT();
  const years = useCalendarYears();
  const remove = useDeleteCalendarYear();
  const [open, setOpen] = useState<{ draft: CalendarYearDraft; editing: boolean } | null>(null);
  const items = years.data?.items ?? [];
  const held = new Set(items.map((y) => y.year));
  const missing = yearsThatMatter().filter((y) => !held.has(y));
  const nextYear = items.reduce((last, y) => Math.max(last, y.year), 0) + 1;
  const datasetLast = items.filter((y) => y.source === 'dataset').reduce((last, y) => Math.max(last, y.year), 0);

  const edit = async (item: CalendarYearItem) => {
    const full = await getCalendarYear(item.year);
    // A dataset year starts as a copy of its days (to correct); an entered one as entered.
    setOpen({
      draft: { year: item.year, notice: item.source === 'entered' ? item.notice : '', holidays: full.holidays, workdays: full.workdays },
      editing: true,
    });
  };

  const columns: DataColumn<CalendarYearItem>[] = [
    { key: 'year', title: t('calendar.admin.year'), dataIndex: 'year', width: 90 },
    {
      key: 'source',
      title: t('calendar.admin.source'),
      width: 180,
      excel: (row) => t(`calendar.admin.source.${row.source}`),
      tag: (row) => (row.source === 'entered' ? 'blue' : 'default'),
    },
    { key: 'notice', title: t('calendar.admin.notice'), dataIndex: 'notice' },
    { key: 'enteredBy', title: t('calendar.admin.enteredBy'), dataIndex: 'enteredBy', width: 140 },
    {
      key: 'enteredAt',
      title: t('calendar.admin.enteredAt'),
      width: 160,
      excel: (row) => (row.enteredAt ? formatDateTime(row.enteredAt) : null),
    },
    rowActionsColumn<CalendarYearItem>(
      t,
      (row) => ({
        name: String(row.year),
        editLabel: row.source === 'entered' ? t('calendar.admin.edit') : t('calendar.admin.view'),
        onEdit: () => void edit(row),
        editTestId: `calendar-edit-${row.year}`,
        deleteLabel: t('calendar.admin.delete'),
        confirmTitle: t('calendar.admin.deleteConfirm', {
          year: row.year,
          fallback: t(row.year <= datasetLast ? 'calendar.admin.deleteFallbackDataset' : 'calendar.admin.deleteFallbackNone'),
        }),
        deletedMessage: t('calendar.admin.deleted', { year: row.year }),
        onDelete: () => remove.mutateAsync(row.year),
        blockedReason: row.source === 'entered' ? null : t('calendar.admin.source.dataset'),
        deleteTestId: `calendar-delete-${row.year}`,
      }),
      220,
    ),
  ];

  return (
    <Card title={t('calendar.admin.title')}>
      <Typography.Paragraph type="secondary">{t('calendar.admin.intro', { last: datasetLast || '—' })}</Typography.Paragraph>
      <DataTable
        query={years}
        columns={columns}
        rowKey="year"
        empty={t('calendar.admin.empty')}
        exportName={t('calendar.admin.title')}
        paging="client"
        testId="calendar-years-table"
        aboveTable={
          missing.length > 0 && years.data ? (
            <Typography.Paragraph type="warning" strong data-testid="calendar-missing">
              {t('calendar.admin.missing', { years: missing.join(t('common.listSeparator')) })}
            </Typography.Paragraph>
          ) : null
        }
        toolbar={{
          add: {
            label: t('calendar.admin.enter'),
            onClick: () => setOpen({ draft: { year: missing[0] ?? nextYear }, editing: false }),
            testId: 'calendar-enter',
          },
        }}
      />
      {open ? <CalendarYearFormModal draft={open.draft} editing={open.editing} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}
