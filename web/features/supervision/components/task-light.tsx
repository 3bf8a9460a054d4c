import { Tag } from 'antd';
import type { TaskItem } from '../../../../shared/contracts/supervision';
import { LightTag } from '../../../components/light-tag';
import { useT, type Translate } from '../../../lib/i18n';

/** How a completed task ended: on time, or late. */
export function outcomeText(t: Translate, task: Pick<TaskItem, 'onTime'>): string {
  return task.onTime === false ? t('supervision.late') : t('supervision.doneOnTime');
}

/** An open task's 督办 light; a completed one's outcome (green on time, red late). */
export function TaskLight({ task, testId }: { task: Pick<TaskItem, 'status' | 'light' | 'onTime'>; testId?: string }) {
  const t = useT();
  if (task.status !== 'done') return <LightTag light={task.light} testId={testId} />;
  return (
    <Tag color={task.onTime === false ? 'red' : 'green'} data-testid={testId}>
      {outcomeText(t, task)}
    </Tag>
  );
}
