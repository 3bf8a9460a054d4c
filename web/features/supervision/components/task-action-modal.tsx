import { Form, Input, InputNumber } from 'antd';
import { type TaskAction, type TaskAssigneeKind, type TaskDetail } from '../../../../shared/contracts/supervision';
import { taskTransitionOf, type TaskActionField } from '../../../../shared/supervision/workflow';
import { filledFields, FormModal } from '../../../components/form-modal';
import { useT } from '../../../lib/i18n';
import { useActOnTask } from '../api/act-on-task';
import { TaskAssigneeFields } from './task-assignee-fields';

type FormValues = {
  percent?: number;
  reportedOn?: string;
  note?: string;
  reason?: string;
  assigneeKind?: TaskAssigneeKind;
  assigneeRef?: string;
  requestedDeadline?: string;
};
const SERVER_FIELDS = ['percent', 'reportedOn', 'note', 'reason', 'assignee', 'requestedDeadline'] as const;

/** One workflow action with the fields the table says it needs; the task's version guards against a stale page. */
export function TaskActionModal({ task, action, onClose }: { task: TaskDetail; action: TaskAction; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const act = useActOnTask();
  const fields = new Set<TaskActionField>(taskTransitionOf(action, task.status)?.requires ?? []);
  const required = [{ required: true, message: t('supervision.required') }];

  const onSubmit = async ({ assigneeKind, assigneeRef, ...values }: FormValues) => {
    const assignee = assigneeKind && assigneeRef ? { assignee: { kind: assigneeKind, ref: assigneeRef } } : {};
    await act.mutateAsync({ id: task.id, body: { ...filledFields(values), ...assignee, action, version: task.version } });
  };

  return (
    <FormModal<FormValues>
      form={form}
      title={t(`supervision.action.${action}`)}
      okText={t(`supervision.action.${action}`)}
      initialValues={{ percent: fields.has('percent') ? task.progress : undefined, assigneeKind: task.assigneeKind }}
      onSubmit={onSubmit}
      savedMessage={t('supervision.actionDone')}
      onClose={onClose}
      serverFields={SERVER_FIELDS}
      fieldAliases={{ assignee: 'assigneeRef' }}
      testId="task-action-form"
    >
      {fields.has('percent') ? (
        <>
          <Form.Item name="percent" label={t('supervision.percent')} rules={required}>
            <InputNumber min={0} max={100} precision={0} addonAfter="%" />
          </Form.Item>
          <Form.Item name="reportedOn" label={t('supervision.reportedOn')}>
            <Input type="date" />
          </Form.Item>
        </>
      ) : null}
      {fields.has('assignee') ? <TaskAssigneeFields /> : null}
      {fields.has('requestedDeadline') ? (
        <Form.Item name="requestedDeadline" label={t('supervision.requestedDeadline')} rules={required}>
          <Input type="date" />
        </Form.Item>
      ) : null}
      {fields.has('note') ? (
        <Form.Item name="note" label={t('supervision.note')} rules={required}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      ) : null}
      {fields.has('reason') ? (
        <Form.Item name="reason" label={t('supervision.reason')} rules={required}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
