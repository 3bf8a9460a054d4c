import { Form, InputNumber, Typography } from 'antd';
import type { ProjectSettings } from '../../../../shared/contracts/projects';
import { SettingsModal } from '../../../components/settings-modal';
import { formatDateTime, fractionToPercent, percentToFraction, wanToYuan, yuanToWan } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useProjectSettings } from '../api/get-project-settings';
import { useUpdateProjectSettings } from '../api/update-project-settings';

/** The form's units: 万元 and percent; the API takes 元 and a fraction. */
type FormValues = { thresholdWan: number; increasePercent: number };

function toSettings(v: FormValues): ProjectSettings {
  return { majorThreshold: wanToYuan(v.thresholdWan), amountIncreaseRatio: percentToFraction(v.increasePercent) };
}

/**
 * The admin's project settings: the least 计划总投资 of a project on the major list, and the amount
 * increase flagged. Saved after a confirmation; the server checks the ranges again.
 */
export function ProjectSettingsModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const current = useProjectSettings();
  const update = useUpdateProjectSettings();
  const data = current.data;

  return (
    <SettingsModal<FormValues>
      title={t('projects.settings.title')}
      confirmText={t('projects.settings.confirm')}
      okText={t('projects.edit.save')}
      loading={current.isLoading}
      initialValues={
        data && {
          thresholdWan: yuanToWan(data.settings.majorThreshold),
          increasePercent: fractionToPercent(data.settings.amountIncreaseRatio),
        }
      }
      onSubmit={(v) => update.mutateAsync(toSettings(v))}
      savedMessage={t('projects.settings.saved')}
      onClose={onClose}
      serverFields={['majorThreshold', 'amountIncreaseRatio']}
      fieldAliases={{ majorThreshold: 'thresholdWan', amountIncreaseRatio: 'increasePercent' }}
      testId="project-settings-form"
      footer={
        data?.updatedAt ? (
          <Typography.Text type="secondary">
            {t('projects.settings.updated', { at: formatDateTime(data.updatedAt), by: data.updatedBy ?? '—' })}
          </Typography.Text>
        ) : null
      }
    >
      <Form.Item name="thresholdWan" label={t('projects.settings.majorThresholdWan')} rules={[{ required: true }]}>
        <InputNumber min={0} max={100_000_000} precision={2} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="increasePercent" label={t('projects.settings.increasePercent')} rules={[{ required: true }]}>
        <InputNumber min={0} max={10_000} precision={2} style={{ width: 240 }} />
      </Form.Item>
    </SettingsModal>
  );
}
