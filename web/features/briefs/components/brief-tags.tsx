import { Space, Tag } from 'antd';
import type { BriefStatus, BriefSummary } from '../../../../shared/contracts/briefs';
import { useT } from '../../../lib/i18n';

const STATUS_COLOR = { draft: 'default', submitted: 'processing', reviewed: 'cyan', published: 'success' } as const;

export function StatusTag({ status }: { status: BriefStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status]}>{t(`briefs.status.${status}`)}</Tag>;
}

/** A brief's status with its 初步 / 数据已更新 / 有新版本 marks. */
export function BriefTags({ brief, testId }: { brief: BriefSummary; testId?: string }) {
  const t = useT();
  return (
    <Space size={0} wrap data-testid={testId}>
      <StatusTag status={brief.status} />
      {brief.preliminary ? <Tag color="orange">{t('briefs.preliminary')}</Tag> : null}
      {brief.outdated ? <Tag color="warning">{t('briefs.outdated')}</Tag> : null}
      {brief.superseded ? <Tag>{t('briefs.superseded')}</Tag> : null}
    </Space>
  );
}
