import { useState } from 'react';
import { Card, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import {
  TASK_ASSIGNEE_KINDS,
  TASK_SETTER_ROLES,
  TASK_SOURCES,
  TASK_STATUSES,
  taskAssigneeKindSchema,
  taskSourceSchema,
  taskStatusSchema,
  type TaskItem,
} from '../../../../shared/contracts/supervision';
import { TICKET_LIGHTS, ticketLightSchema } from '../../../../shared/contracts/tickets';
import { roleIn } from '../../../../shared/roles';
import { DataTable } from '../../../components/data-table';
import { FilterSelect, type FilterSelectProps } from '../../../components/list-toolbar';
import { paths } from '../../../config/paths';
import { useMe } from '../../../hooks/use-me';
import { usePageParams } from '../../../hooks/use-page-params';
import { fetchAllPages } from '../../../lib/all-pages';
import { currentYear } from '../../../lib/current-year';
import { useT } from '../../../lib/i18n';
import { getTasks, useTasks } from '../api/get-tasks';
import { TaskFormModal } from './task-form-modal';
import { outcomeText, TaskLight } from './task-light';

/** Select options of an enum's values, labelled. */
function options<V extends string>(values: readonly V[], label: (value: V) => string) {
  return values.map((value) => ({ value, label: label(value) }));
}

const STATUS_COLOR = { todo: 'default', in_progress: 'processing', done: 'success', returned: 'warning' } as const;

/**
 * 督办任务: the caller's supervision tasks with year, status, light, source and assignee-kind filters
 * (kept in the address), the leaders' red list, paging and Excel export; 下达任务 for those who set them.
 */
export function TasksPage() {
  const t = useT();
  const role = useMe().data?.user.role;
  const { page, pageSize, q } = usePageParams();
  const [searchParams] = useSearchParams();
  const year = Number(searchParams.get('year')) || undefined;
  const filter = {
    q: q || undefined,
    year,
    status: taskStatusSchema.safeParse(searchParams.get('status')).data,
    light: ticketLightSchema.safeParse(searchParams.get('light')).data,
    source: taskSourceSchema.safeParse(searchParams.get('source')).data,
    assigneeKind: taskAssigneeKindSchema.safeParse(searchParams.get('assigneeKind')).data,
    escalated: searchParams.get('escalated') === 'true' ? ('true' as const) : undefined,
  };
  const tasks = useTasks({ page, pageSize, ...filter });
  const [creating, setCreating] = useState(false);
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const maySet = roleIn(TASK_SETTER_ROLES, role);
  const years = Array.from({ length: currentYear() + 2 - 2024 }, (_, i) => String(currentYear() + 1 - i));
  // Each filter: its address parameter, placeholder, width and options (labels from the dictionaries).
  const filters: FilterSelectProps[] = [
    { param: 'year', placeholder: t('supervision.year'), width: 100, options: options(years, String) },
    {
      param: 'status',
      placeholder: t('supervision.status'),
      width: 110,
      testId: 'tasks-status',
      options: options(TASK_STATUSES, (s) => t(`supervision.status.${s}`)),
    },
    {
      param: 'light',
      placeholder: t('supervision.light'),
      width: 100,
      testId: 'tasks-light',
      options: options(TICKET_LIGHTS, (l) => t(`tickets.light.${l}`)),
    },
    {
      param: 'source',
      placeholder: t('supervision.source'),
      width: 110,
      options: options(TASK_SOURCES, (s) => t(`supervision.source.${s}`)),
    },
    {
      param: 'assigneeKind',
      placeholder: t('supervision.assigneeKind'),
      width: 110,
      options: options(TASK_ASSIGNEE_KINDS, (k) => t(`supervision.assigneeKind.${k}`)),
    },
    {
      param: 'escalated',
      placeholder: t('supervision.escalated'),
      width: 190,
      testId: 'tasks-escalated',
      options: [{ value: 'true', label: t('supervision.escalated') }],
    },
  ];

  return (
    <Card title={t('supervision.pageTitle')}>
      <DataTable<TaskItem>
        query={tasks}
        paging="server"
        testId="tasks-table"
        exportName={t('supervision.pageTitle')}
        loadAllRows={() => fetchAllPages((p, size) => getTasks({ ...filter, page: p, pageSize: size }))}
        empty={filtered ? t('supervision.emptyFiltered') : maySet ? t('supervision.emptyCreate') : t('supervision.empty')}
        toolbar={{
          search: { placeholder: t('supervision.searchPlaceholder'), testId: 'tasks-search' },
          filters: (
            <>
              {filters.map((f) => (
                <FilterSelect key={f.param} {...f} />
              ))}
            </>
          ),
          add: maySet ? { label: t('supervision.action.create'), onClick: () => setCreating(true), testId: 'task-create' } : null,
        }}
        columns={[
          { key: 'id', title: '#', dataIndex: 'id', width: 70, excelWidth: 8 },
          {
            key: 'title',
            title: t('supervision.title'),
            excel: (r) => r.title,
            href: (r) => paths.supervisionTask.getHref(r.id),
            excelWidth: 36,
          },
          { key: 'source', title: t('supervision.source'), width: 100, excel: (r) => t(`supervision.source.${r.source}`), excelWidth: 10 },
          { key: 'chain', title: t('supervision.chain'), width: 140, excel: (r) => r.chainName, excelWidth: 20 },
          { key: 'assignee', title: t('supervision.assignee'), excel: (r) => r.assigneeName, excelWidth: 24 },
          {
            key: 'status',
            title: t('supervision.status'),
            width: 100,
            excel: (r) => t(`supervision.status.${r.status}`),
            render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`supervision.status.${r.status}`)}</Tag>,
          },
          {
            key: 'progress',
            title: t('supervision.progress'),
            width: 80,
            align: 'right',
            excel: (r) => r.progress,
            render: (_, r) => `${r.progress}%`,
          },
          { key: 'deadline', title: t('supervision.deadline'), dataIndex: 'deadline', width: 110, excelWidth: 12 },
          {
            key: 'light',
            title: t('supervision.light'),
            width: 90,
            excel: (r) => (r.status === 'done' ? outcomeText(t, r) : r.light === null ? null : t(`tickets.light.${r.light}`)),
            render: (_, r) => <TaskLight task={r} />,
          },
          {
            key: 'doneOn',
            title: t('supervision.doneOn'),
            width: 130,
            excel: (r) => r.doneOn,
            render: (_, r) => (r.doneOn === null ? '—' : `${r.doneOn}${r.onTime === false ? ` (${t('supervision.late')})` : ''}`),
          },
        ]}
      />
      {creating ? <TaskFormModal onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
