// Long jobs through the queue (pg-boss on PostgreSQL, in-process on the embedded database): a job
// runs, reports progress and ends with the answer its synchronous route gives; a failed job says
// why; only its starter and admins see it; a job started where no worker runs is run elsewhere.
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/contracts/jobs.js';
import { useTestApp, type Session } from '../../test/app.js';
import { buildEnterprise, nextUscc, postFile } from '../../test/factories/enterprises.js';
import { endedJob } from '../../test/factories/jobs.js';
import { IMPORT_COLUMNS } from '../../../shared/contracts/enterprises.js';
import { csvText, monthlyOutputCsv, postImport } from '../../test/factories/figures.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { createJob, executeJob } from './jobs.service.js';

const t = useTestApp({
  env: { JOB_WORKERS: 'true' },
  users: {
    admin: { role: 'admin' },
    office: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] },
    otherOffice: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] },
  },
});
const { admin, office, otherOffice } = t.users;

const ended = (session: Session, id: string) => endedJob(t.app, session, id);

async function figuresFile(months: readonly string[], value: number): Promise<Buffer> {
  const firm = await buildEnterprise(t.database.db);
  return monthlyOutputCsv(months.map((m) => [firm, m, value]));
}

describe('a figures import as a job', () => {
  it('answers 202 with the queued job, then ends with the very answer of the synchronous import', async () => {
    const file = await figuresFile(['2024-01', '2024-02', '2024-03'], 120_000);
    const sync = await postImport(t.app, office, file, { dryRun: true, fileName: 'q1.csv' });
    expect(sync.statusCode, sync.body).toBe(200);

    const started = await postImport(t.app, office, file, { dryRun: true, fileName: 'q1.csv', job: true });
    expect(started.statusCode, started.body).toBe(202);
    const job = started.json<Job>();
    expect(job).toMatchObject({ kind: 'figures_import', status: 'queued', progress: 0, result: null, error: null });
    const done = await ended(office, job.id);
    expect(done).toMatchObject({ status: 'succeeded', progress: 100, message: '已完成', error: null });
    expect(done.result).toEqual({ status: 200, body: sync.json() });
    expect(done.result?.body).toMatchObject({ dryRun: true, written: false, rows: 3, created: 3 });

    // Written for real: three months created, audited as the starter, as the synchronous import is.
    const written = await ended(office, (await postImport(t.app, office, file, { fileName: 'q1.csv', job: true })).json<Job>().id);
    expect(written.result?.body).toMatchObject({ written: true, created: 3, updated: 0 });
    expect(written.startedBy.name).toBeTruthy();
    const audit = await t.database.pool.query<{ actor_id: string; after: { created: number } }>(
      `SELECT actor_id, after FROM audit_log WHERE action = 'import' AND entity = 'monthly_figures' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0]?.after.created).toBe(3);
    // The file's bytes are let go once the job has ended.
    const stored = await t.database.pool.query<{ file: Buffer | null }>('SELECT file FROM jobs WHERE id = $1', [written.id]);
    expect(stored.rows[0]?.file).toBeNull();
  });

  it('reports its progress: reading, checking (45 %), writing up to 99 %, then 100 % at the end', async () => {
    const file = await figuresFile(['2024-04', '2024-05'], 80_000);
    const queued = await createJob(t.database.db, SYSTEM_ACTOR, {
      kind: 'figures_import',
      input: { dryRun: false, acceptWarnings: true, unit: '元' },
      locale: 'zh-CN',
      file: { data: file, fileName: 'm.csv' },
    });
    const seen: [number, string][] = [];
    expect(await executeJob(t.database.db, queued.id, 'test', { onProgress: (_id, p, m) => seen.push([p, m]) })).toBe('ran');
    expect(seen[0]).toEqual([1, '正在执行']);
    expect(seen).toContainEqual([45, '正在校验 2 行']);
    expect(seen.at(-1)).toEqual([99, '正在写入 2/2 条']);
    const percents = seen.map(([p]) => p);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    // Run once: a second runner finds it taken.
    expect(await executeJob(t.database.db, queued.id, 'test')).toBe('taken');
  });

  it('a rejected file fails the job with the reason and the same 400 answer as the synchronous import', async () => {
    const bad = monthlyOutputCsv([[{ uscc: '91430000MA4L0XXXX1', name: '无此企业' }, '2024-06', 5]]);
    const sync = await postImport(t.app, office, bad, { fileName: 'bad.csv' });
    expect(sync.statusCode).toBe(400);
    const job = await ended(office, (await postImport(t.app, office, bad, { fileName: 'bad.csv', job: true })).json<Job>().id);
    expect(job.status).toBe('failed');
    expect(job.result).toEqual({ status: 400, body: sync.json() });
    expect(job.error).toEqual({ code: 'validation_failed', message: '导入文件有 1 处错误，未写入任何数据' });
    expect(job.message).toBe(`失败：${job.error?.message}`);
  });

  it('is shown to its starter and admins only; anyone else gets 404 as for an unknown job', async () => {
    const file = await figuresFile(['2024-07'], 1_000);
    const { id } = (await postImport(t.app, office, file, { dryRun: true, job: true })).json<Job>();
    await ended(office, id);
    expect((await t.get(`/api/jobs/${id}`, admin)).statusCode).toBe(200);
    const other = await t.get(`/api/jobs/${id}`, otherOffice);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.message).toBe(`任务 ${id} 不存在。`);
    expect((await t.get('/api/jobs/00000000-0000-4000-8000-000000000000', admin)).statusCode).toBe(404);
  });
});

describe('the enterprise import as a job', () => {
  it('ends with the synchronous answer; a real import with errors fails with the same refusal', async () => {
    const row: Record<string, string> = {
      统一社会信用代码: nextUscc('430421'),
      企业名称: '作业导入测试电气有限公司',
      所属区县: '430421',
      所属园区: '',
      行业代码: '3821',
      规上年度: '2024',
      产业链环节: 'CH02:xfmr',
    };
    const csv = Buffer.from(csvText([IMPORT_COLUMNS, IMPORT_COLUMNS.map((c) => row[c] ?? '')]));
    const post = (url: string, data: Buffer) => postFile(t.app, admin, url, 'firms.csv', data);
    const sync = await post('/api/enterprises/import?dryRun=true', csv);
    expect(sync.statusCode, sync.body).toBe(200);
    const started = await post('/api/jobs/enterprises-import?dryRun=true', csv);
    expect(started.statusCode, started.body).toBe(202);
    const done = await ended(admin, started.json<Job>().id);
    expect(done).toMatchObject({ kind: 'enterprises_import', status: 'succeeded' });
    expect(done.result).toEqual({ status: 200, body: sync.json() });

    const bad = Buffer.from(csvText([IMPORT_COLUMNS, IMPORT_COLUMNS.map((c) => (c === '统一社会信用代码' ? 'X123' : (row[c] ?? '')))]));
    const refused = await post('/api/enterprises/import?dryRun=false', bad);
    expect(refused.statusCode).toBe(400);
    const failed = await ended(admin, (await post('/api/jobs/enterprises-import?dryRun=false', bad)).json<Job>().id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual(refused.json().error);
  });
});

describe('publication and briefs as jobs', () => {
  it('publishes a month as a job; a month without figures fails with the reason the synchronous route gives', async () => {
    const file = await figuresFile(['2024-08'], 50_000);
    expect((await postImport(t.app, admin, file, { acceptWarnings: true })).statusCode).toBe(200);
    expect((await t.send('POST', '/api/periods/2024-08/review', admin)).statusCode).toBe(200);
    const started = await t.send('POST', '/api/jobs/publish/2024-08', admin);
    expect(started.statusCode, started.body).toBe(202);
    const job = await ended(admin, started.json<Job>().id);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const detail = await t.read('/api/periods?year=2024', admin);
    expect(detail.items[7]).toMatchObject({ period: '2024-08', status: 'published' });
    expect(job.result).toEqual({ status: 200, body: { period: '2024-08', status: 'published', snapshotId: expect.any(Number) } });

    const sync = await t.send('POST', '/api/periods/2023-06/publish', admin);
    const failed = await ended(admin, (await t.send('POST', '/api/jobs/publish/2023-06', admin)).json<Job>().id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual(sync.json().error);
    // Only who may publish starts the job.
    expect((await t.send('POST', '/api/jobs/publish/2024-08', office)).statusCode).toBe(403);
  });

  it('generates a brief as a job: the result is the brief the brief page then reads', async () => {
    const started = await t.send('POST', '/api/jobs/briefs', admin, { period: '2024-08', kind: 'city' });
    expect(started.statusCode, started.body).toBe(202);
    const job = await ended(admin, started.json<Job>().id);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result?.status).toBe(201);
    const brief = job.result?.body as { id: number; period: string };
    expect(brief.period).toBe('2024-08');
    expect(await t.read(`/api/briefs/${brief.id}`, admin)).toEqual(brief);
  });
});
