import { useState } from 'react';
import { Alert, App, Button, Form, Space, Steps } from 'antd';
import type { Brief, BriefAction } from '../../../../shared/contracts/briefs';
import { TextField } from '../../../components/form-fields';
import { FormModal } from '../../../components/form-modal';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useActOnBrief } from '../api/act-on-brief';

const STEPS = [
  ['generated', 'generatedBy'],
  ['submitted', 'submittedBy'],
  ['reviewed', 'reviewedBy'],
  ['published', 'publishedBy'],
] as const;

/** Which step a status has reached (生成 is always done). */
const REACHED = { draft: 0, submitted: 1, reviewed: 2, published: 3 } as const;

/** 生成 → 提交审核 → 审核通过 → 发布, each done step with who and when; the last 退回 with its reason. */
export function BriefSteps({ brief }: { brief: Brief }) {
  const t = useT();
  const returned = brief.status === 'draft' && brief.returnedBy !== null;
  return (
    <>
      {returned && brief.returnedBy ? (
        <Alert
          type="warning"
          showIcon
          data-testid="brief-returned"
          title={t('briefs.returned', { name: brief.returnedBy.displayName, at: formatDateTime(brief.returnedBy.at) })}
          description={brief.returnReason}
        />
      ) : null}
      <Steps
        size="small"
        current={REACHED[brief.status]}
        status={brief.status === 'published' ? 'finish' : 'process'}
        data-testid="brief-steps"
        items={STEPS.map(([step, field]) => {
          const actor = brief[field];
          return {
            title: t(`briefs.step.${step}`),
            description: actor ? `${actor.displayName} · ${formatDateTime(actor.at)}` : undefined,
          };
        })}
      />
    </>
  );
}

/** 退回: the reason is required; the brief goes back to draft. */
function ReturnModal({ brief, onClose }: { brief: Brief; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const act = useActOnBrief(true);
  return (
    <FormModal<{ reason: string }>
      form={form}
      title={t('briefs.action.return')}
      okText={t('briefs.action.return')}
      onSubmit={({ reason }) => act.mutateAsync({ id: brief.id, body: { action: 'return', reason, version: brief.version } })}
      savedMessage={t('briefs.actionDone')}
      onClose={onClose}
      serverFields={['reason']}
      testId="brief-return-form"
    >
      <TextField name="reason" label={t('briefs.returnReason')} required={t('briefs.returnReasonRequired')} rows={3} maxLength={500} />
    </FormModal>
  );
}

/** The workflow buttons the server offers the caller now; 发布 asks first (a published brief is frozen). */
export function BriefActions({ brief, disabled }: { brief: Brief; disabled: boolean }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const act = useActOnBrief();
  const [returning, setReturning] = useState(false);
  const run = async (action: BriefAction) => {
    await act.mutateAsync({ id: brief.id, body: { action, version: brief.version } });
    void message.success(t('briefs.actionDone'));
  };
  const onClick = (action: BriefAction) => {
    if (action === 'return') setReturning(true);
    else if (action === 'publish')
      modal.confirm({
        title: t('briefs.confirmPublish'),
        content: t('briefs.confirmPublishText'),
        okText: t('briefs.action.publish'),
        onOk: () => run('publish').catch(() => undefined),
      });
    else void run(action).catch(() => undefined);
  };
  return (
    <Space wrap>
      {brief.actions.map((action) => (
        <Button
          key={action}
          type={action === 'return' ? 'default' : 'primary'}
          danger={action === 'return'}
          disabled={disabled}
          loading={act.isPending && act.variables.body.action === action}
          onClick={() => onClick(action)}
          data-testid={`brief-action-${action}`}
        >
          {t(`briefs.action.${action}`)}
        </Button>
      ))}
      {returning ? <ReturnModal brief={brief} onClose={() => setReturning(false)} /> : null}
    </Space>
  );
}
