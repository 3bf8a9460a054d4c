// Writes the demo's investors and projects (projects.ts): explicit ids, in chunks, each stage
// reached as one timeline event; the identity sequences then continue after the demo's ids.
import { sql } from 'drizzle-orm';
import { PROJECT_STAGES, type ProjectState } from '../../../shared/contracts/projects.js';
import type { Db } from '../../db/client.js';
import {
  investors,
  majorProjectYears,
  projectBlockers,
  projectMonthlyInvestment,
  projectSigningEvents,
  projectStageEvents,
  projects,
} from '../../db/schema.js';
import type { MasterIds } from './demo.queries.js';
import type { DemoProjects } from './projects.js';

/** Rows per INSERT: well under the 65,535 parameters of one statement for every table here. */
const CHUNK = 1000;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function insertDemoProjects(db: Db, data: DemoProjects, ids: MasterIds): Promise<void> {
  await insertChunked(data.investors, (chunk) => db.insert(investors).values(chunk.map((v) => ({ ...v, ownerId: null }))));
  const rows = data.projects.map(({ parkName, nodeKey, ...p }) => {
    const nodeId = ids.nodeIds.get(`${p.chainCode}:${nodeKey}`);
    if (nodeId === undefined) throw new Error(`chain node ${p.chainCode}:${nodeKey} is missing`);
    return { ...p, nodeId, parkId: parkName === null ? null : (ids.parkIds.get(parkName) ?? null), isDemo: true };
  });
  await insertChunked(rows, (chunk) => db.insert(projects).values(chunk));
  const events = data.projects.flatMap((p) => {
    const out: {
      projectId: number;
      fromStage: ProjectState | null;
      toStage: ProjectState;
      on: string;
      reason: string | null;
      byName: string;
    }[] = [];
    let previous: ProjectState | null = null;
    let last = '';
    for (const stage of PROJECT_STAGES) {
      const on = p.stageDates[stage];
      if (on === undefined) continue;
      out.push({ projectId: p.id, fromStage: previous, toStage: stage, on, reason: null, byName: '示例数据' });
      previous = stage;
      last = on;
    }
    if (p.stage === 'terminated')
      out.push({ projectId: p.id, fromStage: previous, toStage: 'terminated', on: last, reason: p.terminatedReason, byName: '示例数据' });
    return out;
  });
  await insertChunked(events, (chunk) => db.insert(projectStageEvents).values(chunk));
  await insertChunked(data.majorYears, (chunk) => db.insert(majorProjectYears).values(chunk));
  await insertChunked(data.investment, (chunk) => db.insert(projectMonthlyInvestment).values(chunk));
  await insertChunked(data.blockers, (chunk) => db.insert(projectBlockers).values(chunk));
  await insertChunked(data.signingEvents, (chunk) => db.insert(projectSigningEvents).values(chunk));
  for (const table of ['investors', 'projects', 'project_blockers']) {
    await db.execute(sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.identifier(table)}))`);
  }
}
