import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../modules/auth/password.js';
import { runCliProcess, withEmbedded } from '../test/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HOLDER = path.join(ROOT, 'server/cli/test-fixtures/hold-database.ts');

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-cli-test-'));
const dataDir = path.join(temp, 'data');
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

/** Runs the CLI as an operator would, on the embedded database in `dataDir`, with stdin not a terminal. */
const runCli = (args: string[], env: Record<string, string> = {}) => runCliProcess(args, dataDir, env);

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 0);
}

// Each step spawns the compiled CLI (a cold Node start plus the embedded database); on a loaded 2-core
// machine one step can pass a minute, so this file allows three (a hang guard, not a timing check).
describe('the cli process', { timeout: 180_000 }, () => {
  it('lists the commands for help and exits 2 with the list for an unknown command', async () => {
    const help = await runCli(['help']);
    expect(help.code).toBe(0);
    for (const name of ['migrate', 'create-user', 'reset-password', 'unlock-user', 'backup', 'restore'])
      expect(help.stdout).toContain(`  ${name}`);

    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(lines(unknown.stderr)[0]).toBe('错误 (error): 未知命令 frobnicate (unknown command frobnicate)');
    expect(unknown.stderr).toContain('  create-user --username U --role R');
  });

  it('migrates a new data directory, then has nothing to do', async () => {
    const first = await runCli(['migrate']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(lines(first.stdout)[0]).toBe(`数据库 (database): 嵌入式数据库 (embedded PGlite) ${dataDir}`);
    expect(lines(first.stdout)[1]).toBe('已应用迁移 (applied): 0000_foundation');
    const second = await runCli(['migrate']);
    expect(second.code).toBe(0);
    expect(lines(second.stdout)[1]).toMatch(/^无需迁移，数据库已是最新 \(nothing to apply; up to date at \d{4}_\w+\)$/);
  });

  it('creates users through the service: CC_PASSWORD, or a generated password printed once', async () => {
    // A department scope needs no master data (chains, parks and regions are checked against it).
    const alice = await runCli(
      ['create-user', '--username', 'alice', '--role', 'department', '--name', '张科长', '--scope', 'department:市工信局'],
      {
        CC_PASSWORD: 'alice-password-1',
      },
    );
    expect(alice.stderr).toBe('');
    expect(alice.code).toBe(0);
    expect(lines(alice.stdout)).toEqual([
      '已创建用户 (created user) alice (张科长)，角色 (role) department，数据范围 (scopes) department:市工信局',
    ]);

    const bob = await runCli(['create-user', '--username', 'bob', '--role', 'leader']);
    expect(bob.code).toBe(0);
    const printed = /^生成的密码，只显示这一次 \(generated password, shown once\): ([A-Za-z0-9_-]{16})$/.exec(lines(bob.stdout)[1] ?? '');
    expect(printed).not.toBeNull();

    await withEmbedded(dataDir, async (db) => {
      const users = await db.execute<{ username: string; role: string; password_hash: string; scopes: string }>(sql`
        SELECT u.username, u.role, u.password_hash, string_agg(s.kind || ':' || s.ref, ',' ORDER BY s.ref) AS scopes
          FROM users u LEFT JOIN user_scopes s ON s.user_id = u.id GROUP BY u.id ORDER BY u.username`);
      expect(users.rows.map((u) => [u.username, u.role, u.scopes])).toEqual([
        ['alice', 'department', 'department:市工信局'],
        ['bob', 'leader', null],
      ]);
      expect(await verifyPassword(users.rows[0]?.password_hash ?? null, 'alice-password-1')).toBe(true);
      expect(await verifyPassword(users.rows[1]?.password_hash ?? null, printed?.[1] ?? '')).toBe(true);
      const audit = await db.execute<{ actor_name: string; action: string; entity: string }>(
        sql`SELECT actor_name, action, entity FROM audit_log ORDER BY id`,
      );
      expect(audit.rows).toEqual([
        { actor_name: 'system', action: 'create', entity: 'user' },
        { actor_name: 'system', action: 'create', entity: 'user' },
      ]);
    });
  });

  it('unlocks an account locked by failed logins, audited', async () => {
    await withEmbedded(dataDir, async (db) => {
      await db.execute(sql`UPDATE users SET failed_logins = 10, locked_at = now() WHERE username = 'bob'`);
    });
    const unlock = await runCli(['unlock-user', '--username', 'bob']);
    expect(unlock.stderr).toBe('');
    expect(lines(unlock.stdout)).toEqual(['已解锁 bob，可以重新登录 (bob unlocked; it can log in again)']);
    await withEmbedded(dataDir, async (db) => {
      const bobRow = await db.execute<{ failed_logins: number; locked: boolean }>(
        sql`SELECT failed_logins, locked_at IS NOT NULL AS locked FROM users WHERE username = 'bob'`,
      );
      expect(bobRow.rows).toEqual([{ failed_logins: 0, locked: false }]);
      const last = await db.execute<{ action: string; entity: string }>(sql`SELECT action, entity FROM audit_log ORDER BY id DESC LIMIT 1`);
      expect(last.rows).toEqual([{ action: 'unlock', entity: 'user' }]);
    });
  });

  it('refuses bad input with one line and exit code 2, before touching the database', async () => {
    const short = await runCli(['reset-password', '--username', 'alice', '--password', 'short']);
    expect(short.code).toBe(2);
    expect(short.stderr).toBe('错误 (error): 密码不符合要求 (password rejected): at least 10 characters\n');
    const scope = await runCli(['create-user', '--username', 'carol', '--role', 'park', '--scope', 'P01']);
    expect(scope.code).toBe(2);
    expect(lines(scope.stderr)).toHaveLength(1);
    expect(scope.stderr).toContain('invalid --scope; use kind:ref');
  });

  it('reports a service refusal (wrong scope kind for the role) in one line with exit code 1', async () => {
    const run = await runCli(['create-user', '--username', 'carol', '--role', 'park', '--scope', 'chain:CH02'], {
      CC_PASSWORD: 'carol-password-1',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('错误 (error): 角色 park 需要至少一个 park 类型的数据范围 (role park needs at least one scope of kind park)\n');
  });

  it('refuses a scope naming nothing in the master data in one line with exit code 1', async () => {
    const nope = await runCli(['create-user', '--username', 'carol', '--role', 'chain_chief', '--scope', 'chain:NOPE99'], {
      CC_PASSWORD: 'carol-password-1',
    });
    expect(nope.code).toBe(1);
    expect(nope.stderr).toContain('数据范围 chain:NOPE99 不存在');
  });

  it('backs up, refuses to restore without --yes when not interactive, and restores with it', async () => {
    const file = path.join(temp, 'cli-backup.jsonl.gz');
    const backup = await runCli(['backup', file]);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(lines(backup.stdout)[1]).toMatch(
      new RegExp(`^已写入备份 \\(backup written\\): ${file} — \\d+ 张表 \\(tables\\)，7 行 \\(rows\\)，`),
    );
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const refused = await runCli(['restore', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      '错误 (error): 恢复会替换全部数据；非交互运行时请加 --yes 确认 (restore replaces all data; add --yes to confirm when not running interactively)\n',
    );

    const restored = await runCli(['restore', file, '--yes']);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(lines(restored.stdout)[1]).toMatch(/^已恢复 \(restored\) .*: 7 行 \(rows\)/);
    await withEmbedded(dataDir, async (db) => {
      const audit = await db.execute<{ id: number; action: string }>(sql`SELECT id, action FROM audit_log ORDER BY id`);
      // The archive holds the 2 creations and the unlock (the backup's own entry is written after
      // its snapshot); the restore adds its entry with the next id.
      expect(audit.rows.map((r) => `${r.id}:${r.action}`)).toEqual(['1:create', '2:create', '3:unlock', '4:restore']);
    });
  });

  describe('while another process holds the embedded database', () => {
    let holder: ChildProcess;

    beforeAll(async () => {
      holder = spawn(process.execPath, ['--import', 'tsx', HOLDER, dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        holder.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
        holder.stdout?.on('data', (d: Buffer) => {
          if (d.toString().includes('ready')) resolve();
        });
      });
    });
    afterAll(async () => {
      if (holder.exitCode !== null) return;
      const exited = new Promise((resolve) => holder.once('exit', resolve));
      holder.kill('SIGTERM');
      await exited;
    });

    it('refuses with the lock’s one line and exit code 1', async () => {
      const run = await runCli(['create-user', '--username', 'dave', '--role', 'admin'], { CC_PASSWORD: 'dave-password-1' });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `错误 (error): 数据目录 ${dataDir} 正被进程 ${holder.pid} 使用；请先停止它 (the data directory is in use by process ${holder.pid}; stop it first)\n`,
      );
    });
  });
});
