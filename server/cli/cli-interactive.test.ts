import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { backupDatabase } from '../modules/admin/backup.service.js';
import { runCli } from './index.js';
import type { CliIo } from './io.js';

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-cli-tty-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

/** An operator at a terminal who gives the listed answers, in order. */
function terminal(dataDir: string, answers: { confirm?: boolean[]; secrets?: string[] }) {
  const out: string[] = [];
  const err: string[] = [];
  const questions: string[] = [];
  const confirms = [...(answers.confirm ?? [])];
  const secrets = [...(answers.secrets ?? [])];
  const io: CliIo = {
    env: { DATA_DIR: dataDir, DATABASE_URL: '' },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    interactive: true,
    confirm: async (q) => {
      questions.push(q);
      return confirms.shift() ?? false;
    },
    readSecret: async (q) => {
      questions.push(q);
      return secrets.shift() ?? '';
    },
  };
  return { io, out, err, questions };
}

describe('at a terminal', () => {
  const archive = path.join(temp, 'source.jsonl.gz');

  beforeAll(async () => {
    const source = await openDatabase({ kind: 'pglite', dataDir: null });
    await runMigrations(source);
    await backupDatabase(source.db, SYSTEM_ACTOR, { file: archive, databaseKind: 'pglite' });
    await source.close();
  });

  it('restore asks first, and a "no" leaves the database untouched (not even opened)', async () => {
    const dataDir = path.join(temp, 'never-opened');
    const t = terminal(dataDir, { confirm: [false] });
    expect(await runCli(['restore', archive], t.io)).toBe(1);
    expect(t.questions).toEqual([
      `将清空并替换 嵌入式数据库 (embedded PGlite) ${dataDir} 中的全部数据。输入 yes 继续 (this replaces ALL data in 嵌入式数据库 (embedded PGlite) ${dataDir}; type yes to continue): `,
    ]);
    expect(t.err).toEqual(['错误 (error): 已取消，未做任何更改 (cancelled; nothing changed)']);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('create-user asks for the password twice and stops when they differ', async () => {
    const dataDir = path.join(temp, 'also-never-opened');
    const t = terminal(dataDir, { secrets: ['first-password', 'second-password'] });
    expect(await runCli(['create-user', '--username', 'erin', '--role', 'admin'], t.io)).toBe(1);
    expect(t.questions).toHaveLength(2);
    expect(t.err).toEqual(['错误 (error): 两次输入的密码不一致，未做任何更改 (the passwords differ; nothing changed)']);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('create-user generates a password when the answer is empty and prints it once', async () => {
    const t = terminal(path.join(temp, 'data'), { secrets: [''] });
    expect(await runCli(['create-user', '--username', 'frank', '--role', 'leader'], t.io)).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out[0]).toBe('已创建用户 (created user) frank (frank)，角色 (role) leader，数据范围 (scopes) -');
    expect(t.out[1]).toMatch(/^生成的密码，只显示这一次 \(generated password, shown once\): [A-Za-z0-9_-]{16}$/);
    expect(t.out).toHaveLength(2);
  });
});
