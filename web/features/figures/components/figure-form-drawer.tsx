import { useState } from 'react';
import { Alert, App, Button, Checkbox, Divider, Drawer, Flex, Form, Input, Select, Typography } from 'antd';
import { z } from 'zod';
import {
  figurePeriodParams,
  FIGURE_FIELDS,
  figureIssue,
  MONEY_UNITS,
  MONTH_FIELDS,
  PREV_YEAR_FIELDS,
  type FigureField,
  type FigureIssue,
  type MoneyUnit,
  type MonthlyFigureItem,
} from '../../../../shared/contracts/figures';
import { ApiError } from '../../../lib/api-client';
import { rulesFrom } from '../../../lib/form-rules';
import { useT } from '../../../lib/i18n';
import { capitalize } from '../utils/amounts';
import { useSaveFigure } from '../api/save-figure';
import { toUnitText, YUAN_PER_UNIT } from '../utils/amounts';
import { RevisionsList } from './revisions-list';

type FormValues = { period: string; values: Partial<Record<FigureField, string>>; janFebCombined: boolean };

type Props = {
  uscc: string;
  /** The month being edited, or null to enter a new one. */
  month: MonthlyFigureItem | null;
  canEdit: boolean;
  /** Suggested period of a new month. */
  defaultPeriod: string;
  onClose: () => void;
};

function perUnitOf(field: FigureField, unit: MoneyUnit): number {
  return field === 'electricityKwh' || field === 'employees' ? 1 : YUAN_PER_UNIT[unit];
}

function initialValues(month: MonthlyFigureItem | null, unit: MoneyUnit, defaultPeriod: string): FormValues {
  const values: Partial<Record<FigureField, string>> = {};
  for (const f of [...MONTH_FIELDS, ...PREV_YEAR_FIELDS]) values[f] = month ? toUnitText(month[f], perUnitOf(f, unit)) : '';
  return { period: month?.period ?? defaultPeriod, values, janFebCombined: month?.janFebCombined ?? false };
}

function unitLabel(field: FigureField, unit: MoneyUnit, persons: string): string {
  return field === 'electricityKwh' ? 'kWh' : field === 'employees' ? persons : unit;
}

/** The entry or correction of one month (the whole month), its warnings to confirm, and its revisions. */
export function FigureFormDrawer({ uscc, month, canEdit, defaultPeriod, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSaveFigure();
  const [form] = Form.useForm<FormValues>();
  const [unit, setUnit] = useState<MoneyUnit>('万元');
  const [warnings, setWarnings] = useState<FigureIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const period = Form.useWatch('period', form) ?? month?.period ?? defaultPeriod;

  const submit = async (acceptWarnings: boolean) => {
    const data = await form.validateFields();
    setFailure(null);
    const values: Partial<Record<FigureField, string | null>> = {};
    for (const f of [...MONTH_FIELDS, ...PREV_YEAR_FIELDS]) values[f] = data.values[f]?.trim() || null;
    save.mutate(
      {
        uscc,
        period: data.period,
        body: { unit, values, janFebCombined: data.period.endsWith('-02') && data.janFebCombined, acceptWarnings },
      },
      {
        onSuccess: (result) => {
          if (result.outcome === 'confirmation_required') {
            setWarnings(result.warnings);
            return;
          }
          setWarnings([]);
          message.success(t(result.outcome === 'unchanged' ? 'figures.form.unchanged' : 'figures.form.saved'));
          onClose();
        },
        onError: (err) => {
          setFailure(err.message);
          const parsed = err instanceof ApiError ? z.array(figureIssue).safeParse(err.details) : null;
          const issues = parsed?.success ? parsed.data : [];
          const fields: Parameters<typeof form.setFields>[0] = [];
          for (const issue of issues) {
            if (issue.column === 'period') fields.push({ name: ['period'], errors: [issue.reason] });
            const target = FIGURE_FIELDS.find((f) => f === issue.column);
            if (target) fields.push({ name: ['values', target], errors: [issue.reason] });
          }
          form.setFields(fields);
        },
      },
    );
  };

  const field = (f: FigureField) => (
    <Form.Item
      key={f}
      name={['values', f]}
      label={`${capitalize(t(`figures.field.${f}`))} (${unitLabel(f, unit, t('figures.unit.persons'))})`}
      style={{ marginBottom: 12 }}
    >
      <Input inputMode="decimal" disabled={!canEdit} data-testid={`figures-field-${f}`} />
    </Form.Item>
  );

  return (
    <Drawer open size={560} destroyOnHidden onClose={onClose} title={t('figures.form.title', { period })} data-testid="figures-drawer">
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(month, unit, defaultPeriod)}
        disabled={!canEdit || save.isPending}
      >
        <Flex gap={12}>
          <Form.Item
            name="period"
            label={t('figures.form.period')}
            rules={rulesFrom(figurePeriodParams.shape.period, { required: 'YYYY-MM' })}
            style={{ flex: 1 }}
          >
            <Input disabled={month !== null || !canEdit} placeholder="2024-06" data-testid="figures-form-period" />
          </Form.Item>
          <Form.Item label={t('figures.form.unit')} style={{ width: 140 }}>
            <Select<MoneyUnit>
              value={unit}
              options={MONEY_UNITS.map((u) => ({ value: u, label: u }))}
              onChange={(next) => {
                setUnit(next);
                // Untouched stored values follow the unit; typed ones keep their text in the new unit.
                if (month && !form.isFieldsTouched()) form.setFieldsValue({ values: initialValues(month, next, defaultPeriod).values });
              }}
            />
          </Form.Item>
        </Flex>
        <Divider titlePlacement="start">{t('figures.form.month')}</Divider>
        {MONTH_FIELDS.map(field)}
        <Divider titlePlacement="start">{t('figures.form.prevYear')}</Divider>
        {PREV_YEAR_FIELDS.map(field)}
        {period.endsWith('-02') ? (
          <Form.Item name="janFebCombined" valuePropName="checked">
            <Checkbox>{t('figures.form.janFebCombined')}</Checkbox>
          </Form.Item>
        ) : null}
      </Form>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      {warnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('figures.form.warningsTitle')}
          description={warnings.map((w, i) => (
            <Typography.Paragraph key={i} style={{ margin: 0 }}>
              {w.reason}
            </Typography.Paragraph>
          ))}
          action={
            <Button danger size="small" onClick={() => void submit(true)} data-testid="figures-save-anyway">
              {t('figures.form.saveAnyway')}
            </Button>
          }
        />
      ) : null}
      {canEdit ? (
        <Button type="primary" loading={save.isPending} onClick={() => void submit(false)} data-testid="figures-save">
          {t('figures.form.save')}
        </Button>
      ) : null}
      {month ? (
        <>
          <Divider />
          <RevisionsList uscc={uscc} period={month.period} />
        </>
      ) : null}
    </Drawer>
  );
}
