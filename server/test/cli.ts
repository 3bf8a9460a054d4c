// Running the operator CLI in tests: in-process with an io that records what it prints, or as the
// operator does, a child process on an embedded database folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { CliIo } from '../cli/io.js';
import { openDatabase, type Db } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { seedReferenceData } from '../modules/demo/seed.js';
import { ROOT } from '../paths.js';

export type RecordingIo = CliIo & { lines: string[]; errors: string[] };

/** An io for `runCli`/a command's `run`: not a terminal, says no to prompts, keeps stdout and stderr lines. */
export function recordingIo(env: NodeJS.ProcessEnv = {}): RecordingIo {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    env,
    out: (l) => lines.push(l),
    err: (l) => errors.push(l),
    interactive: false,
    confirm: async () => false,
    readSecret: async () => '',
    lines,
    errors,
  };
}

export type CliRun = { code: number | null; stdout: string; stderr: string };

/**
 * Runs the CLI (server/cli/main.ts through tsx) as an operator would, on the embedded database in
 * `dataDir`, with stdin not a terminal; `env` is added (CC_PASSWORD is passed only when given there).
 */
export function runCliProcess(args: string[], dataDir: string, env: Record<string, string> = {}): Promise<CliRun> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ...env };
  if (!('CC_PASSWORD' in env)) delete childEnv.CC_PASSWORD;
  delete childEnv.CC_DEBUG;
  const cli = path.join(ROOT, 'server/cli/main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Opens the embedded database in `dataDir` (the CLI's, between two CLI runs), runs `work` on it and
 * closes it again, so the next CLI run can take the folder's lock.
 */
export async function withEmbedded<T>(dataDir: string, work: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

/**
 * A folder for the CLI tests of a `describe` (named `prefix…` under the system's temporary folder,
 * removed after them): `file(name)` for what the test writes, the embedded database folder `dataDir`
 * that `seed()` migrates and fills with the reference data, and `io()` for one silent CLI run on it.
 */
export function useCliWorkspace(prefix: string) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));
  const dataDir = path.join(temp, 'data');
  return {
    dataDir,
    file: (name: string) => path.join(temp, name),
    io: () => recordingIo({ DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' }),
    seed: async (): Promise<void> => {
      const database = await openDatabase({ kind: 'pglite', dataDir });
      await runMigrations(database);
      await seedReferenceData(database.db);
      await database.close();
    },
  };
}
