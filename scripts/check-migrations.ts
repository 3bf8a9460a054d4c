/**
 * Fails when the Drizzle schema and the committed SQL migrations disagree:
 * 1. runs `drizzle-kit generate` into a scratch copy of drizzle/ and checks that it produced nothing
 *    new (tables, columns, indexes, keys, constraint names);
 * 2. compares the text of every CHECK constraint, which drizzle-kit does not compare once a constraint
 *    exists under the same name: one in-memory PGlite gets the committed migrations, another the SQL
 *    drizzle-kit writes for the schema from nothing, and `pg_get_constraintdef` of each CHECK (the
 *    database's own normal form, so spelling and parentheses do not matter) must be the same in both.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import * as schema from '../server/db/schema.js';

const root = path.resolve(import.meta.dirname, '..');

function checkNothingToGenerate(): boolean {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-migrations-'));
  try {
    fs.cpSync(path.join(root, 'drizzle'), scratch, { recursive: true });
    const before = fs.readdirSync(scratch).sort().join('\n');
    execFileSync(process.execPath, [path.join(root, 'node_modules/drizzle-kit/bin.cjs'), 'generate', '--name', 'check'], {
      cwd: root,
      env: { ...process.env, DRIZZLE_OUT: scratch },
      stdio: 'pipe',
    });
    const after = fs.readdirSync(scratch).sort().join('\n');
    if (before === after) return true;
    console.error(
      '迁移与数据库模式不一致 (the schema has changes with no migration): run `npm run db:generate -- --name <what-changed>` and commit drizzle/.',
    );
    return false;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const CHECKS_SQL = `
  SELECT conrelid::regclass::text || '.' || conname || ': ' || pg_get_constraintdef(oid) AS line
    FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace ORDER BY 1`;

async function checkLines(database: PGlite): Promise<Set<string>> {
  const result = await database.query<{ line: string }>(CHECKS_SQL);
  return new Set(result.rows.map((r) => r.line));
}

async function checkConstraintsAgree(): Promise<boolean> {
  const migrated = new PGlite();
  const fromSchema = new PGlite();
  try {
    await migrate(drizzle(migrated), { migrationsFolder: path.join(root, 'drizzle') });
    for (const statement of await generateMigration(generateDrizzleJson({}), generateDrizzleJson(schema))) await fromSchema.exec(statement);
    const inMigrations = await checkLines(migrated);
    const inSchema = await checkLines(fromSchema);
    const onlyMigrations = [...inMigrations].filter((l) => !inSchema.has(l));
    const onlySchema = [...inSchema].filter((l) => !inMigrations.has(l));
    if (onlyMigrations.length === 0 && onlySchema.length === 0) {
      console.log(`migrations: the ${inSchema.size} CHECK constraints read the same in the schema and the migrations`);
      return true;
    }
    console.error('CHECK 约束在模式与迁移中不一致 (CHECK constraints differ between the schema and the migrations):');
    for (const l of onlyMigrations) console.error(`  only in the migrations: ${l}`);
    for (const l of onlySchema) console.error(`  only in the schema:     ${l}`);
    console.error('Change the schema and add a migration that drops and re-adds the constraint with the new text.');
    return false;
  } finally {
    await migrated.close();
    await fromSchema.close();
  }
}

const generated = checkNothingToGenerate();
const checks = await checkConstraintsAgree();
if (!generated || !checks) process.exit(1);
console.log('migrations: schema and committed SQL agree');
