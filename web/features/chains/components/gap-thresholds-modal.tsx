import { Form, InputNumber, Typography } from 'antd';
import type { GapThresholds } from '../../../../shared/contracts/chain-map';
import { SettingsModal } from '../../../components/settings-modal';
import { formatDateTime, fractionToPercent, percentToFraction } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useGapSettings, useUpdateGapSettings } from '../api/gap-settings';

/** The form's units: firms and percent; the API takes fractions. */
type FormValues = { minFirms: number; minSharePercent: number; sharpDropPercent: number };

/**
 * The fields in form order: the ranges the contract accepts (shared/contracts/chain-map.ts
 * gapThresholds) in the form's units, the decimals and the label and hint.
 */
const FIELDS = [
  { name: 'minFirms', min: 1, max: 20, precision: 0, label: 'chains.thresholds.minFirms', hint: 'chains.thresholds.minFirmsHint' },
  { name: 'minSharePercent', min: 0, max: 50, precision: 2, label: 'chains.thresholds.minShare', hint: 'chains.thresholds.minShareHint' },
  {
    name: 'sharpDropPercent',
    min: 5,
    max: 90,
    precision: 2,
    label: 'chains.thresholds.sharpDrop',
    hint: 'chains.thresholds.sharpDropHint',
  },
] as const satisfies readonly { name: keyof FormValues; min: number; max: number; precision: number; label: string; hint: string }[];

function toThresholds(v: FormValues): GapThresholds {
  return { minFirms: v.minFirms, minOutputShare: percentToFraction(v.minSharePercent), sharpDrop: percentToFraction(v.sharpDropPercent) };
}

/**
 * 缺口阈值 (admin): the least number of firms, the least output share and the sharp drop behind
 * 弱链 and 断链. Out-of-range values are refused in the form with the range, and again by the server;
 * saved after a confirmation, since every chain's map changes.
 */
export function GapThresholdsModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const current = useGapSettings();
  const update = useUpdateGapSettings();
  const data = current.data;

  return (
    <SettingsModal<FormValues>
      title={t('chains.thresholds.title')}
      confirmText={t('chains.thresholds.confirm')}
      okText={t('chains.save')}
      loading={current.isLoading}
      initialValues={
        data && {
          minFirms: data.thresholds.minFirms,
          minSharePercent: fractionToPercent(data.thresholds.minOutputShare),
          sharpDropPercent: fractionToPercent(data.thresholds.sharpDrop),
        }
      }
      onSubmit={(v) => update.mutateAsync(toThresholds(v))}
      savedMessage={t('chains.thresholds.saved')}
      onClose={onClose}
      serverFields={['minFirms', 'minOutputShare', 'sharpDrop']}
      fieldAliases={{ minOutputShare: 'minSharePercent', sharpDrop: 'sharpDropPercent' }}
      testId="gap-thresholds-form"
      footer={
        <Typography.Text type="secondary">
          {data?.updatedAt ? t('chains.thresholds.updated', { at: formatDateTime(data.updatedAt) }) : t('chains.thresholds.defaults')}
        </Typography.Text>
      }
    >
      {FIELDS.map(({ name, min, max, precision, label, hint }) => (
        <Form.Item
          key={name}
          name={name}
          label={t(label)}
          rules={[
            { required: true, message: t('chains.thresholds.range', { min, max }) },
            { type: 'number', min, max, message: t('chains.thresholds.range', { min, max }) },
          ]}
          extra={t(hint)}
        >
          <InputNumber precision={precision} style={{ width: 160 }} suffix={precision === 0 ? undefined : '%'} />
        </Form.Item>
      ))}
    </SettingsModal>
  );
}
