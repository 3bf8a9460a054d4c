import { Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { HolidayRange, MakeUpDay } from '../../../../shared/contracts/calendar';
import { FormModal } from '../../../components/form-modal';
import { useT } from '../../../lib/i18n';
import { usePutCalendarYear } from '../api/put-calendar-year';

type FormValues = { year: number; notice: string; holidays: HolidayRange[]; workdays: MakeUpDay[] };

export type CalendarYearDraft = Partial<FormValues> & { year: number };

/** Every field of the notice must be filled; the empty one is outlined, the server's check names the problem. */
const REQUIRED = [{ required: true, message: ' ' }];

/**
 * One list of the notice (holidays, make-up days): a row each with its name (the same placeholder, 节日名称),
 * its dates and a delete button, and an add button below.
 */
function DayRows(props: {
  list: 'holidays' | 'workdays';
  /** The accessible name of a row's name field, numbered from 1. */
  nameLabel: string;
  dates: { field: string; label: string }[];
  blank: HolidayRange | MakeUpDay;
  addLabel: string;
  rowTestId?: string;
}) {
  const t = useT();
  return (
    <Form.List name={props.list}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Space key={field.key} align="baseline" data-testid={props.rowTestId && `${props.rowTestId}-${i}`}>
              <Form.Item name={[field.name, 'name']} rules={REQUIRED}>
                <Input placeholder={t('calendar.admin.holidayName')} aria-label={`${props.nameLabel} ${i + 1}`} style={{ width: 120 }} />
              </Form.Item>
              {props.dates.map((date) => (
                <Form.Item key={date.field} name={[field.name, date.field]} rules={REQUIRED}>
                  <Input type="date" aria-label={`${date.label} ${i + 1}`} />
                </Form.Item>
              ))}
              <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add(props.blank)}>
            {props.addLabel}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * Enters a year from the State Council's notice: each holiday as a range (元旦 1月1日至3日 → 元旦,
 * 2027-01-01, 2027-01-03) and each make-up working day (a Saturday or Sunday worked). The server
 * checks the dates and names every problem.
 */
export function CalendarYearFormModal({ draft, editing, onClose }: { draft: CalendarYearDraft; editing: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const save = usePutCalendarYear();
  const onSubmit = (values: FormValues) =>
    save.mutateAsync({ year: values.year, body: { notice: values.notice, holidays: values.holidays, workdays: values.workdays ?? [] } });

  return (
    <FormModal<FormValues>
      form={form}
      title={`${t('calendar.admin.enter')} ${draft.year}`}
      okText={t('calendar.admin.save')}
      initialValues={{ notice: '', holidays: [{ name: '', from: '', to: '' }], workdays: [], ...draft }}
      onSubmit={onSubmit}
      savedMessage={t('calendar.admin.saved', { year: draft.year })}
      onClose={onClose}
      serverFields={['notice', 'holidays', 'workdays']}
      width={720}
      testId="calendar-year-form"
    >
      <Form.Item name="year" label={t('calendar.admin.year')} rules={REQUIRED}>
        <InputNumber min={2000} max={2100} disabled={editing} data-testid="calendar-year-input" />
      </Form.Item>
      <Form.Item name="notice" label={t('calendar.admin.notice')} rules={REQUIRED}>
        <Input placeholder={t('calendar.admin.noticePlaceholder')} maxLength={100} />
      </Form.Item>
      <Typography.Title level={5}>{t('calendar.admin.holidays')}</Typography.Title>
      <DayRows
        list="holidays"
        nameLabel={t('calendar.admin.holidayName')}
        dates={[
          { field: 'from', label: t('calendar.admin.from') },
          { field: 'to', label: t('calendar.admin.to') },
        ]}
        blank={{ name: '', from: '', to: '' }}
        addLabel={t('calendar.admin.addHoliday')}
        rowTestId="calendar-holiday"
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('calendar.admin.workdays')}
      </Typography.Title>
      <DayRows
        list="workdays"
        nameLabel={t('calendar.admin.workdays')}
        dates={[{ field: 'date', label: t('calendar.admin.workdayDate') }]}
        blank={{ name: '', date: '' }}
        addLabel={t('calendar.admin.addWorkday')}
      />
    </FormModal>
  );
}
