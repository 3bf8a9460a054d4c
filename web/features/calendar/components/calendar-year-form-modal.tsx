import { Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { HolidayRange, MakeUpDay } from '../../../../shared/contracts/calendar';
import { FormModal } from '../../../components/form-modal';
import { useT } from '../../../lib/i18n';
import { usePutCalendarYear } from '../api/put-calendar-year';

type FormValues = { year: number; notice: string; holidays: HolidayRange[]; workdays: MakeUpDay[] };

export type CalendarYearDraft = Partial<FormValues> & { year: number };

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
  const required = [{ required: true, message: ' ' }];

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
      <Form.Item name="year" label={t('calendar.admin.year')} rules={required}>
        <InputNumber min={2000} max={2100} disabled={editing} data-testid="calendar-year-input" />
      </Form.Item>
      <Form.Item name="notice" label={t('calendar.admin.notice')} rules={required}>
        <Input placeholder={t('calendar.admin.noticePlaceholder')} maxLength={100} />
      </Form.Item>
      <Typography.Title level={5}>{t('calendar.admin.holidays')}</Typography.Title>
      <Form.List name="holidays">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} align="baseline" data-testid={`calendar-holiday-${i}`}>
                <Form.Item name={[field.name, 'name']} rules={required}>
                  <Input
                    placeholder={t('calendar.admin.holidayName')}
                    aria-label={`${t('calendar.admin.holidayName')} ${i + 1}`}
                    style={{ width: 120 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'from']} rules={required}>
                  <Input type="date" aria-label={`${t('calendar.admin.from')} ${i + 1}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'to']} rules={required}>
                  <Input type="date" aria-label={`${t('calendar.admin.to')} ${i + 1}`} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', from: '', to: '' })}>
              {t('calendar.admin.addHoliday')}
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('calendar.admin.workdays')}
      </Typography.Title>
      <Form.List name="workdays">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} align="baseline">
                <Form.Item name={[field.name, 'name']} rules={required}>
                  <Input
                    placeholder={t('calendar.admin.holidayName')}
                    aria-label={`${t('calendar.admin.workdays')} ${i + 1}`}
                    style={{ width: 120 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'date']} rules={required}>
                  <Input type="date" aria-label={`${t('calendar.admin.workdayDate')} ${i + 1}`} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', date: '' })}>
              {t('calendar.admin.addWorkday')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
