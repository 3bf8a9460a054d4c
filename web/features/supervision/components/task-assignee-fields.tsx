import { Form, Select } from 'antd';
import { TASK_ASSIGNEE_KINDS, type TaskAssigneeKind } from '../../../../shared/contracts/supervision';
import { useT } from '../../../lib/i18n';
import { useTaskAssignees } from '../api/get-task-assignees';

/**
 * Whom a task goes to, in the form's `assigneeKind` and `assigneeRef`: the kind (链办, 部门, 园区), then one
 * assignee of that kind; a new kind clears the assignee picked for the old one.
 */
export function TaskAssigneeFields() {
  const t = useT();
  const assignees = useTaskAssignees({});
  const form = Form.useFormInstance<{ assigneeKind?: TaskAssigneeKind; assigneeRef?: string }>();
  const kind = Form.useWatch('assigneeKind', form);
  const required = [{ required: true, message: t('supervision.required') }];
  return (
    <>
      <Form.Item name="assigneeKind" label={t('supervision.assigneeKind')} rules={required}>
        <Select
          options={TASK_ASSIGNEE_KINDS.map((k) => ({ value: k, label: t(`supervision.assigneeKind.${k}`) }))}
          onChange={() => form.setFieldValue('assigneeRef', undefined)}
        />
      </Form.Item>
      <Form.Item name="assigneeRef" label={t('supervision.assignee')} rules={required}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="task-assignee"
          options={(assignees.data?.items ?? []).filter((a) => a.kind === kind).map((a) => ({ value: a.ref, label: a.name }))}
        />
      </Form.Item>
    </>
  );
}
