// The demo's supervision tasks (示例), by fixed rules so a person can count them: for each chain
// (i = its place in code order, 0–14) and each of 2025 and 2026, a task from its yearly target for
// its chain office and two leader tasks for its departments; in 2026 a park task for every fourth
// chain. The demo's today is 13 November 2026.
//   target:   reports at 30/55/80% (2025) or 25/50/75% (2026); 2025 done on 26 Dec, late (15 Jan 2026)
//             when i % 5 = 4; 2026 still in progress at 75%.
//   leader A: due 30 June, done 20 June 2025; in 2026 done 19 June, late (15 July) when i is odd.
//   leader B: due 30 Sept 2025 / 30 Oct 2026, done two days before; in 2026 overdue at 60% when i % 3 = 0.
//   park:     2026, i % 4 = 0, due 17 Nov, 待办.
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { countTasks, insertTaskEvents, insertTasksReturningIds, selectDemoAssignees, type TaskInsert } from './supervision.queries.js';
import type { TaskStatus } from '../../../shared/supervision/workflow.js';

type DemoChain = { code: string; name: string; office: string | null; departments: readonly string[] };
type DemoPark = { id: number; name: string };
type DemoEvent = {
  day: string;
  action: string;
  from: TaskStatus | null;
  to: TaskStatus;
  actor: string;
  role: Actor['role'];
  percent?: number;
  note?: string;
};
export type DemoTask = { row: TaskInsert; events: DemoEvent[] };

const LEADER = '示例市领导';
const FALLBACK_DEPARTMENT = '市工业和信息化局';

/** A task's life: set on `created`, progress reports, then completed on `doneOn` (or still open). */
function taskOf(
  row: Omit<TaskInsert, 'status' | 'progress' | 'doneOn' | 'onTime' | 'createdOn'> & { createdOn: string },
  worker: { name: string; role: Actor['role'] },
  reports: readonly [string, number][],
  doneOn: string | null,
): DemoTask {
  const events: DemoEvent[] = [
    {
      day: row.createdOn,
      action: 'create',
      from: null,
      to: 'todo',
      actor: row.createdByName,
      role: row.source === 'target' ? 'leader' : 'leader',
    },
  ];
  let status: TaskStatus = 'todo';
  let progress = 0;
  for (const [day, percent] of reports) {
    events.push({
      day,
      action: 'report',
      from: status,
      to: 'in_progress',
      actor: worker.name,
      role: worker.role,
      percent,
      note: `示例进展：已完成 ${percent}%`,
    });
    status = 'in_progress';
    progress = percent;
  }
  if (doneOn !== null) {
    events.push({
      day: doneOn,
      action: 'complete',
      from: status,
      to: 'done',
      actor: worker.name,
      role: worker.role,
      percent: 100,
      note: '示例：任务已完成',
    });
    return { row: { ...row, status: 'done', progress: 100, doneOn, onTime: doneOn <= row.deadline }, events };
  }
  return { row: { ...row, status, progress }, events };
}

/** The demo tasks of the chains and parks given (pure: the same input gives the same tasks). */
export function generateDemoTasks(chains: readonly DemoChain[], parks: readonly DemoPark[]): DemoTask[] {
  const out: DemoTask[] = [];
  chains.forEach((chain, i) => {
    const office = chain.office ?? FALLBACK_DEPARTMENT;
    const support = chain.departments[0] ?? office;
    const officeWorker = { name: `示例${chain.name}链办`, role: 'chain_office' as const };
    for (const year of [2025, 2026]) {
      const base = { chainCode: chain.code, year, createdBy: null, description: '示例数据：请按月报告进展。' };
      const targetReports: [string, number][] =
        year === 2025
          ? [
              ['2025-04-07', 30],
              ['2025-07-07', 55],
              ['2025-10-09', 80],
            ]
          : [
              ['2026-04-07', 25],
              ['2026-07-07', 50],
              ['2026-10-09', 75],
            ];
      const targetDone = year === 2026 ? null : i % 5 === 4 ? '2026-01-15' : '2025-12-26';
      out.push(
        taskOf(
          {
            ...base,
            title: `完成${year}年${chain.name}年度目标（示例）`,
            source: 'target',
            targetYear: year,
            assigneeKind: 'chain_office',
            assigneeRef: chain.code,
            deadline: `${year}-12-31`,
            createdOn: `${year}-01-06`,
            createdByName: LEADER,
          },
          officeWorker,
          targetReports,
          targetDone,
        ),
      );
      const aDone = year === 2025 ? '2025-06-20' : i % 2 === 1 ? '2026-07-15' : '2026-06-19';
      out.push(
        taskOf(
          {
            ...base,
            title: `${year}年${chain.name}重点项目要素保障（示例）`,
            source: 'leader',
            assigneeKind: 'department',
            assigneeRef: office,
            deadline: `${year}-06-30`,
            createdOn: `${year}-02-10`,
            createdByName: LEADER,
          },
          { name: `示例${office}`, role: 'department' },
          [[`${year}-04-15`, 50]],
          aDone,
        ),
      );
      const bDeadline = year === 2025 ? '2025-09-30' : '2026-10-30';
      const bOverdue = year === 2026 && i % 3 === 0;
      out.push(
        taskOf(
          {
            ...base,
            title: `${year}年${chain.name}链主配套协作清单（示例）`,
            source: 'leader',
            assigneeKind: 'department',
            assigneeRef: support,
            deadline: bDeadline,
            createdOn: `${year}-03-10`,
            createdByName: LEADER,
          },
          { name: `示例${support}`, role: 'department' },
          [[`${year}-09-15`, 60]],
          bOverdue ? null : year === 2025 ? '2025-09-26' : '2026-10-28',
        ),
      );
    }
    const park = parks[i % Math.max(parks.length, 1)];
    if (i % 4 === 0 && park) {
      out.push(
        taskOf(
          {
            chainCode: chain.code,
            year: 2026,
            createdBy: null,
            description: '示例数据：对接项目落地。',
            title: `${park.name}承接${chain.name}项目落地（示例）`,
            source: 'leader',
            assigneeKind: 'park',
            assigneeRef: String(park.id),
            deadline: '2026-11-17',
            createdOn: '2026-11-02',
            createdByName: LEADER,
          },
          { name: `示例${park.name}`, role: 'park' },
          [],
          null,
        ),
      );
    }
  });
  return out;
}

/** Writes the demo tasks with their timelines (once: nothing when any task exists) and one audit row; returns how many. */
export async function seedDemoTasks(db: Db, actor: Actor): Promise<number> {
  if ((await countTasks(db)) > 0) return 0;
  const { chains, parks } = await selectDemoAssignees(db);
  const tasks = generateDemoTasks(chains, parks);
  await db.transaction(async (tx) => {
    const ids = await insertTasksReturningIds(
      tx,
      tasks.map((task) => task.row),
    );
    const events = tasks.flatMap((task, i) =>
      task.events.map((e, k) => ({
        taskId: ids[i] ?? 0,
        // 09:00 Shanghai on the day, a minute apart in order.
        at: new Date(Date.parse(`${e.day}T01:00:00Z`) + k * 60_000),
        action: e.action,
        fromStatus: e.from,
        toStatus: e.to,
        actorId: null,
        actorName: e.actor,
        actorRole: e.role,
        reportedOn: e.action === 'report' || e.action === 'complete' ? e.day : null,
        percent: e.percent ?? null,
        note: e.note ?? null,
      })),
    );
    await insertTaskEvents(tx, events);
    await recordAudit(tx, actor, {
      action: 'seed',
      entity: 'demo_supervision_tasks',
      after: { tasks: tasks.length, events: events.length },
    });
  });
  return tasks.length;
}
