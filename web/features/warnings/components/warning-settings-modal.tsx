import { App, Form, InputNumber, Modal, Spin, Typography } from 'antd';
import type { WarningSettings } from '../../../../shared/contracts/warnings';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, fractionToPercent, percentToFraction } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useWarningSettings } from '../api/get-warning-settings';
import { useUpdateWarningSettings } from '../api/update-warning-settings';

/** The form's units: percent and 万元, as people think of them; the API takes fractions and 元. */
type FormValues = { dropPercent: number; dropMonths: number; reportDeadlineDay: number; belowScaleWan: number; unitSlipFactor: number };

const RANGES = {
  dropPercent: { min: 1, max: 99, precision: 2 },
  dropMonths: { min: 1, max: 12, precision: 0 },
  reportDeadlineDay: { min: 1, max: 28, precision: 0 },
  belowScaleWan: { min: 100, max: 100_000, precision: 2 },
  unitSlipFactor: { min: 3, max: 1000, precision: 2 },
} as const satisfies Record<keyof FormValues, { min: number; max: number; precision: number }>;

function toForm(s: WarningSettings): FormValues {
  return {
    dropPercent: fractionToPercent(s.dropThreshold),
    dropMonths: s.dropMonths,
    reportDeadlineDay: s.reportDeadlineDay,
    belowScaleWan: s.belowScaleRevenue / 10_000,
    unitSlipFactor: s.unitSlipFactor,
  };
}

function fromForm(v: FormValues): WarningSettings {
  return {
    dropThreshold: percentToFraction(v.dropPercent),
    dropMonths: v.dropMonths,
    reportDeadlineDay: v.reportDeadlineDay,
    belowScaleRevenue: Math.round(v.belowScaleWan * 10_000),
    unitSlipFactor: v.unitSlipFactor,
  };
}

const LABELS = {
  dropPercent: 'warnings.settings.dropPercent',
  dropMonths: 'warnings.settings.dropMonths',
  reportDeadlineDay: 'warnings.settings.deadlineDay',
  belowScaleWan: 'warnings.settings.belowScaleWan',
  unitSlipFactor: 'warnings.settings.unitSlipFactor',
} as const;

/** The admin's warning thresholds: validated in the form (and again by the server), saved after a confirmation. */
export function WarningSettingsModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const current = useWarningSettings();
  const update = useUpdateWarningSettings();

  const onFinish = (values: FormValues) => {
    modal.confirm({
      title: t('warnings.settings.title'),
      content: t('warnings.settings.confirm'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'warnings-settings-confirm' },
      onOk: async () => {
        // A refusal is shown by the default mutation error handler; the dialog stays open.
        await update.mutateAsync(fromForm(values)).then(
          () => {
            message.success(t('warnings.settings.saved'));
            onClose();
          },
          () => undefined,
        );
      },
    });
  };

  const data = current.data;
  return (
    <Modal
      open
      title={t('warnings.settings.title')}
      okText={t('warnings.settings.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      okButtonProps={{ disabled: !data, 'data-testid': 'warnings-settings-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {current.error ? <ErrorAlert error={current.error} onRetry={() => void current.refetch()} /> : null}
      {data ? (
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={toForm(data.settings)}
          onFinish={onFinish}
          data-testid="warnings-settings-form"
        >
          {/* Assertion: RANGES has exactly one entry per form field, so its keys are the field names. */}
          {(Object.keys(RANGES) as (keyof FormValues)[]).map((name) => {
            const range = RANGES[name];
            return (
              <Form.Item
                key={name}
                name={name}
                label={t(LABELS[name])}
                rules={[
                  { required: true, message: t('warnings.settings.range', { min: range.min, max: range.max }) },
                  {
                    type: 'number',
                    min: range.min,
                    max: range.max,
                    message: t('warnings.settings.range', { min: range.min, max: range.max }),
                  },
                  ...(range.precision === 0
                    ? [
                        {
                          validator: async (_: unknown, v: unknown) =>
                            typeof v === 'number' && !Number.isInteger(v)
                              ? Promise.reject(new Error(t('warnings.settings.wholeNumber')))
                              : undefined,
                        },
                      ]
                    : []),
                ]}
              >
                <InputNumber style={{ width: '100%' }} data-testid={`warnings-settings-${name}`} />
              </Form.Item>
            );
          })}
          <Typography.Text type="secondary">
            {data.updatedAt === null
              ? t('warnings.settings.defaults')
              : t('warnings.settings.lastChange', { at: formatDateTime(data.updatedAt), by: data.updatedBy ?? '—' })}
          </Typography.Text>
        </Form>
      ) : (
        <Spin />
      )}
    </Modal>
  );
}
