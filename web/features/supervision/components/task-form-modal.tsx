import { Form, Input, Select } from 'antd';
import { useNavigate } from 'react-router';
import { createTaskRequest, type TaskAssigneeKind } from '../../../../shared/contracts/supervision';
import { TextField } from '../../../components/form-fields';
import { FormModal } from '../../../components/form-modal';
import { paths } from '../../../config/paths';
import { useChains } from '../../../hooks/use-chains';
import { useMe } from '../../../hooks/use-me';
import { currentYear } from '../../../lib/current-year';
import { useT } from '../../../lib/i18n';
import { useCreateTask } from '../api/create-task';
import { TaskAssigneeFields } from './task-assignee-fields';

type FormValues = {
  title: string;
  description: string;
  chainCode?: string;
  assigneeKind: TaskAssigneeKind;
  assigneeRef: string;
  deadline: string;
};
const shape = createTaskRequest.shape;

/** 下达任务: title, requirements, the chain it belongs to (a chain office names its own), the assignee and the deadline. */
export function TaskFormModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateTask();
  const chains = useChains(currentYear());
  // A chain office sets tasks of its own chain: its first chain is filled in.
  const user = useMe().data?.user;
  const ownChain = user?.role === 'chain_office' ? user.scopes.find((scope) => scope.kind === 'chain')?.ref : undefined;
  const required = [{ required: true, message: t('supervision.required') }];

  const onSubmit = async (values: FormValues) => {
    const created = await create.mutateAsync({
      title: values.title,
      description: values.description,
      chainCode: values.chainCode ?? null,
      assignee: { kind: values.assigneeKind, ref: values.assigneeRef },
      deadline: values.deadline,
    });
    void navigate(paths.supervisionTask.getHref(created.id));
  };

  return (
    <FormModal<FormValues>
      form={form}
      title={t('supervision.action.create')}
      okText={t('supervision.action.create')}
      initialValues={{ title: '', description: '', assigneeKind: 'department', chainCode: ownChain }}
      onSubmit={onSubmit}
      savedMessage={t('supervision.created')}
      onClose={onClose}
      serverFields={['title', 'description', 'chainCode', 'deadline', 'assignee']}
      fieldAliases={{ assignee: 'assigneeRef' }}
      testId="task-form"
    >
      <TextField name="title" label={t('supervision.title')} schema={shape.title} required={t('supervision.required')} maxLength={100} />
      <TextField name="description" label={t('supervision.description')} rows={3} maxLength={4000} />
      <Form.Item name="chainCode" label={t('supervision.chain')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(chains.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
        />
      </Form.Item>
      <TaskAssigneeFields />
      <Form.Item name="deadline" label={t('supervision.deadline')} rules={required}>
        <Input type="date" />
      </Form.Item>
    </FormModal>
  );
}
