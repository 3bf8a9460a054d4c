import fs from 'node:fs';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { MIGRATIONS_DIR } from '../../db/migrate.js';
import { AppError } from '../../lib/errors.js';
import { selectAppliedMigrations } from './backup.queries.js';

/** One migration as drizzle identifies it: the journal tag, its timestamp and the SHA-256 of its SQL. */
export const migrationRef = z.object({ tag: z.string().min(1), when: z.number().int(), hash: z.string().regex(/^[0-9a-f]{64}$/) });
export type MigrationRef = z.infer<typeof migrationRef>;

const journalSchema = z.object({ entries: z.array(z.object({ tag: z.string(), when: z.number().int() })) });

/** The migrations this build ships, oldest first, hashed exactly as drizzle's migrator hashes them. */
export function readBuildMigrations(migrationsDir: string = MIGRATIONS_DIR): MigrationRef[] {
  const journal = journalSchema.parse(JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta/_journal.json'), 'utf8')));
  const files = readMigrationFiles({ migrationsFolder: migrationsDir });
  return journal.entries.map((entry, i) => ({ tag: entry.tag, when: entry.when, hash: files[i]?.hash ?? '' }));
}

/**
 * The latest migration applied to the database, named by this build's journal. Drizzle applies a
 * migration when its timestamp is newer than the last recorded one, so the newest row is the level.
 */
export async function findDatabaseMigration(db: Db): Promise<MigrationRef> {
  const applied = await selectAppliedMigrations(db);
  const last = applied.at(-1);
  if (!last) {
    throw new AppError('conflict', {
      message: '数据库尚未初始化，请先运行 migrate (the database has no migrations applied; run `migrate` first)',
    });
  }
  const known = readBuildMigrations().find((m) => m.hash === last.hash && m.when === last.createdAt);
  if (!known) {
    throw new AppError('conflict', {
      message: `数据库由更新版本的程序迁移过 (迁移时间 ${last.createdAt})，请用该版本操作 (the database was migrated by a newer build; use that build)`,
    });
  }
  return known;
}

/**
 * Refuses an archive this build cannot restore: one from a newer migration (upgrade first), or one
 * whose migration is unknown or differs from ours (another fork's history). Older archives pass:
 * their tables and columns are checked against the database before anything is written.
 */
export function checkArchiveMigration(archive: MigrationRef, build: MigrationRef[] = readBuildMigrations()): void {
  const latest = build.at(-1);
  const same = build.find((m) => m.tag === archive.tag);
  if (latest && !same && archive.when > latest.when) {
    throw new AppError('conflict', {
      message: `备份来自更新的数据库版本 (迁移 ${archive.tag})，本程序只到 ${latest.tag}，请先升级程序 (the archive is from migration ${archive.tag}, newer than this build's ${latest.tag}; upgrade first)`,
    });
  }
  if (!same || same.hash !== archive.hash || same.when !== archive.when) {
    throw new AppError('conflict', {
      message: `备份的迁移 ${archive.tag} 与本程序的迁移记录不一致 (the archive's migration ${archive.tag} does not match this build's migration history)`,
    });
  }
}

/** The migrations recorded in the database, oldest first, each named by this build's journal when it knows it. */
export async function listAppliedMigrations(db: Db): Promise<{ tag: string | null; hash: string; when: number }[]> {
  const build = readBuildMigrations();
  const applied = await selectAppliedMigrations(db);
  return applied.map((a) => ({
    tag: build.find((m) => m.hash === a.hash && m.when === a.createdAt)?.tag ?? null,
    hash: a.hash,
    when: a.createdAt,
  }));
}
