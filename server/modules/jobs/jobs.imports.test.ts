// The 招商项目 and chain-list (五单) imports as jobs: each ends with the very answer of its synchronous
// route, a real import whose file has errors fails with the route's 400 refusal (every error in its
// details), and the starter's access is checked when the job is started.
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/contracts/jobs.js';
import { useTestApp } from '../../test/app.js';
import { countRows } from '../../test/factories/common.js';
import { csvText } from '../../test/factories/figures.js';
import { postFile } from '../../test/factories/enterprises.js';
import { endedFileJob, endedJob } from '../../test/factories/jobs.js';

const t = useTestApp({
  env: { JOB_WORKERS: 'true' },
  users: {
    office: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] },
    office05: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH05' }] },
    leader: { role: 'leader' },
  },
});
const { office, office05, leader } = t.users;

const csv = (rows: (string | number)[][]) => Buffer.from(csvText(rows));

describe('the projects import as a job', () => {
  const PROJECT_HEADER = ['项目名称', '产业链', '县市区'];

  it('checks and imports leads with the synchronous answers; the job is audited as started by its starter', async () => {
    const file = csv([PROJECT_HEADER, ['作业导入项目甲', 'CH02', '430421']]);
    const sync = await postFile(t.app, office, '/api/projects/import?kind=projects&dryRun=true', 'p.csv', file);
    expect(sync.statusCode, sync.body).toBe(200);
    expect(sync.json()).toMatchObject({ dryRun: true, written: false, rows: 1, created: 1, errors: [] });

    const started = await postFile(t.app, office, '/api/jobs/projects-import?kind=projects&dryRun=true', 'p.csv', file);
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json<Job>()).toMatchObject({ kind: 'projects_import', status: 'queued' });
    const checked = await endedJob(t.app, office, started.json<Job>().id);
    expect(checked).toMatchObject({ status: 'succeeded', progress: 100, result: { status: 200, body: sync.json() } });

    const written = await endedFileJob(t.app, office, '/api/jobs/projects-import?kind=projects&dryRun=false', 'p.csv', file);
    expect(written.result).toEqual({ status: 200, body: { dryRun: false, written: true, rows: 1, created: 1, errors: [] } });
    const listed = await t.read(`/api/projects?q=${encodeURIComponent('作业导入项目甲')}`, office);
    expect(listed.total).toBe(1);
    const audit = await t.database.pool.query<{ after: { kind: string; fileName: string } }>(
      `SELECT after FROM audit_log WHERE action = 'job_start' AND entity_id = $1`,
      [written.id],
    );
    expect(audit.rows[0]?.after).toMatchObject({ kind: 'projects_import', fileName: 'p.csv' });
  });

  it('a real import with a row outside the starter’s chains fails with the synchronous 400 and writes nothing', async () => {
    const file = csv([PROJECT_HEADER, ['作业导入项目乙', 'CH02', '430421']]);
    const refused = await postFile(t.app, office05, '/api/projects/import?kind=projects&dryRun=false', 'p.csv', file);
    expect(refused.statusCode).toBe(400);
    const failed = await endedFileJob(t.app, office05, '/api/jobs/projects-import?kind=projects&dryRun=false', 'p.csv', file);
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual(refused.json().error);
    expect(failed.error?.message).toBe('文件有 1 处错误，未导入任何数据');
    expect((await t.read(`/api/projects?q=${encodeURIComponent('作业导入项目乙')}`, office)).total).toBe(0);
  });

  it('is refused at the start to who may not import projects (no job written)', async () => {
    const before = await countRows(t.database.db, 'jobs');
    const file = csv([PROJECT_HEADER, ['作业导入项目丙', 'CH02', '430421']]);
    expect((await postFile(t.app, leader, '/api/jobs/projects-import?dryRun=true', 'p.csv', file)).statusCode).toBe(403);
    expect(await countRows(t.database.db, 'jobs')).toBe(before);
  });
});

describe('a chain list import as a job', () => {
  it('imports 招商目标企业 with the synchronous answers; a bad file fails with the synchronous 400', async () => {
    const before = await countRows(t.database.db, 'chain_prospects');
    const good = csv([
      ['环节', '企业名称'],
      ['xfmr', '作业导入目标甲有限公司'],
      ['xfmr', '作业导入目标乙有限公司'],
    ]);
    const sync = await postFile(t.app, office, '/api/chains/CH02/prospects/import?dryRun=true', 'l.csv', good);
    expect(sync.json()).toEqual({ dryRun: true, written: false, rows: 2, created: 2, errors: [] });
    const checked = await endedFileJob(t.app, office, '/api/jobs/chain-list-import/CH02/prospects?dryRun=true', 'l.csv', good);
    expect(checked).toMatchObject({ kind: 'chain_list_import', status: 'succeeded', result: { status: 200, body: sync.json() } });
    const written = await endedFileJob(t.app, office, '/api/jobs/chain-list-import/CH02/prospects?dryRun=false', 'l.csv', good);
    expect(written.result).toEqual({ status: 200, body: { dryRun: false, written: true, rows: 2, created: 2, errors: [] } });
    expect(await countRows(t.database.db, 'chain_prospects')).toBe(before + 2);

    const bad = csv([
      ['环节', '企业名称'],
      ['无此环节', '作业导入目标丙有限公司'],
    ]);
    const refused = await postFile(t.app, office, '/api/chains/CH02/prospects/import?dryRun=false', 'l.csv', bad);
    expect(refused.statusCode).toBe(400);
    const failed = await endedFileJob(t.app, office, '/api/jobs/chain-list-import/CH02/prospects?dryRun=false', 'l.csv', bad);
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual(refused.json().error);
    expect(await countRows(t.database.db, 'chain_prospects')).toBe(before + 2);
  });

  it('is refused at the start for a chain outside the starter’s scope (404 as the synchronous route), and an unknown list is 400', async () => {
    const file = csv([
      ['环节', '成果名称', '持有单位', '单位类型', '成熟度'],
      ['xfmr', '作业成果', '某大学', '高校', '中试阶段'],
    ]);
    const sync = await postFile(t.app, office05, '/api/chains/CH02/research/import?dryRun=true', 'r.csv', file);
    const job = await postFile(t.app, office05, '/api/jobs/chain-list-import/CH02/research?dryRun=true', 'r.csv', file);
    expect(sync.statusCode).toBe(404);
    expect(job.statusCode).toBe(404);
    expect(job.json()).toEqual(sync.json());
    expect((await postFile(t.app, office, '/api/jobs/chain-list-import/CH02/targets?dryRun=true', 'r.csv', file)).statusCode).toBe(400);
  });
});
