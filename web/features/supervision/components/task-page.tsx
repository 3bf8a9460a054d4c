import { Descriptions, Flex, Progress, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TaskDetail } from '../../../../shared/contracts/supervision';
import { WorkflowRecordCard, WorkflowRecordPage, WorkflowTimeline } from '../../../components/workflow-record';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useTask } from '../api/get-task';
import { TaskActionModal } from './task-action-modal';
import { TaskLight } from './task-light';

/** One supervision task: its facts, light and progress, the progress timeline, and the actions the workflow offers the caller now. */
export function TaskPage() {
  return <WorkflowRecordPage useRecord={useTask}>{(task) => <TaskView task={task} />}</WorkflowRecordPage>;
}

function TaskView({ task: d }: { task: TaskDetail }) {
  const t = useT();
  const none = '—';

  return (
    <Flex vertical gap={16}>
      <Link to={paths.supervisionTasks.getHref()}>← {t('supervision.pageTitle')}</Link>
      <WorkflowRecordCard
        record={d}
        tags={
          <>
            <Tag data-testid="task-status">{t(`supervision.status.${d.status}`)}</Tag>
            <TaskLight task={d} testId="task-light" />
          </>
        }
        actionLabel={(a) => t(`supervision.action.${a}`)}
        actionDialog={(action, onClose) => <TaskActionModal task={d} action={action} onClose={onClose} />}
        testId="task"
      >
        <Descriptions
          column={2}
          items={[
            { key: 'source', label: t('supervision.source'), children: t(`supervision.source.${d.source}`) },
            { key: 'chain', label: t('supervision.chain'), children: d.chainName ?? none },
            { key: 'assignee', label: t('supervision.assignee'), children: <span data-testid="task-assignee-name">{d.assigneeName}</span> },
            { key: 'createdBy', label: t('supervision.createdBy'), children: `${d.createdByName} · ${d.createdOn}` },
            { key: 'deadline', label: t('supervision.deadline'), children: <span data-testid="task-deadline">{d.deadline}</span> },
            {
              key: 'extension',
              label: t('supervision.extensionDue'),
              children: d.extensionDue ? `${d.extensionDue}（${d.extensionReason ?? ''}）` : none,
            },
            {
              key: 'progress',
              label: t('supervision.progress'),
              children: <Progress percent={d.progress} size="small" style={{ width: 200 }} data-testid="task-progress" />,
            },
            {
              key: 'doneOn',
              label: t('supervision.doneOn'),
              children: d.doneOn === null ? none : `${d.doneOn} ${d.onTime ? t('supervision.onTime') : t('supervision.late')}`,
            },
          ]}
        />
        <Typography.Title level={5}>{t('supervision.description')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.description || none}</Typography.Paragraph>
      </WorkflowRecordCard>
      <WorkflowTimeline
        title={t('supervision.timeline')}
        testId="task-timeline"
        events={d.events.map((e) => ({
          id: e.id,
          label: `${e.action === 'create' ? t('supervision.event.create') : t(`supervision.action.${e.action}`)}${e.percent === null ? '' : ` ${e.percent}%`}`,
          color: e.action === 'complete' ? 'green' : e.action === 'return' || e.action === 'reopen' ? 'red' : 'blue',
          actorName: e.actorName,
          actorRole: e.actorRole,
          when: e.reportedOn ?? formatDateTime(e.at),
          note: e.note,
        }))}
      />
    </Flex>
  );
}
