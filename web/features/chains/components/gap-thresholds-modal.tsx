import { App, Form, InputNumber, Spin, Typography } from 'antd';
import type { GapThresholds } from '../../../../shared/contracts/chain-map';
import { FormModal } from '../../../components/form-modal';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useGapSettings, useUpdateGapSettings } from '../api/gap-settings';

/** The form's units: firms and percent; the API takes fractions. */
type FormValues = { minFirms: number; minSharePercent: number; sharpDropPercent: number };

/** The ranges the contract accepts (shared/contracts/chain-map.ts gapThresholds), in the form's units. */
const RANGES = { minFirms: [1, 20], minSharePercent: [0, 50], sharpDropPercent: [5, 90] } as const;

/**
 * 缺口阈值 (admin): the least number of firms, the least output share and the sharp drop behind
 * 弱链 and 断链. Out-of-range values are refused in the form with the range, and again by the server;
 * saved after a confirmation, since every chain's map changes.
 */
export function GapThresholdsModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const current = useGapSettings();
  const update = useUpdateGapSettings();
  const data = current.data;

  const confirmed = () =>
    new Promise<void>((resolve, reject) => {
      modal.confirm({
        title: t('chains.thresholds.title'),
        content: t('chains.thresholds.confirm'),
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: () => resolve(),
        onCancel: () => reject(new Error('cancelled')),
      });
    });

  const onSubmit = async (v: FormValues) => {
    await confirmed();
    const thresholds: GapThresholds = {
      minFirms: v.minFirms,
      minOutputShare: Math.round(v.minSharePercent * 100) / 10_000,
      sharpDrop: Math.round(v.sharpDropPercent * 100) / 10_000,
    };
    await update.mutateAsync(thresholds);
  };
  const rangeRule = (field: keyof typeof RANGES) => {
    const [min, max] = RANGES[field];
    return [
      { required: true, message: t('chains.thresholds.range', { min, max }) },
      { type: 'number' as const, min, max, message: t('chains.thresholds.range', { min, max }) },
    ];
  };

  if (!data) return current.isLoading ? <Spin fullscreen /> : null;
  return (
    <FormModal<FormValues>
      form={form}
      title={t('chains.thresholds.title')}
      okText={t('chains.save')}
      initialValues={{
        minFirms: data.thresholds.minFirms,
        minSharePercent: Math.round(data.thresholds.minOutputShare * 10_000) / 100,
        sharpDropPercent: Math.round(data.thresholds.sharpDrop * 10_000) / 100,
      }}
      onSubmit={onSubmit}
      savedMessage={t('chains.thresholds.saved')}
      onClose={onClose}
      serverFields={['minFirms', 'minOutputShare', 'sharpDrop']}
      fieldAliases={{ minOutputShare: 'minSharePercent', sharpDrop: 'sharpDropPercent' }}
      testId="gap-thresholds-form"
    >
      <Form.Item
        name="minFirms"
        label={t('chains.thresholds.minFirms')}
        rules={rangeRule('minFirms')}
        extra={t('chains.thresholds.minFirmsHint')}
      >
        <InputNumber precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="minSharePercent"
        label={t('chains.thresholds.minShare')}
        rules={rangeRule('minSharePercent')}
        extra={t('chains.thresholds.minShareHint')}
      >
        <InputNumber precision={2} style={{ width: 160 }} suffix="%" />
      </Form.Item>
      <Form.Item
        name="sharpDropPercent"
        label={t('chains.thresholds.sharpDrop')}
        rules={rangeRule('sharpDropPercent')}
        extra={t('chains.thresholds.sharpDropHint')}
      >
        <InputNumber precision={2} style={{ width: 160 }} suffix="%" />
      </Form.Item>
      {data.updatedAt ? (
        <Typography.Text type="secondary">{t('chains.thresholds.updated', { at: formatDateTime(data.updatedAt) })}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('chains.thresholds.defaults')}</Typography.Text>
      )}
    </FormModal>
  );
}
