import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { parseRows, textArray } from '../../db/sql.js';
import { containsPattern } from '../../lib/like.js';

type RegisteredKind = 'chain' | 'region' | 'park' | 'enterprise';

const namedRow = z.object({ ref: z.string(), name: z.string(), detail: z.string().nullable() });
export type NamedRef = z.infer<typeof namedRow>;

/**
 * Whether a scope reference names something in the master data: a chain code, a region code, a park
 * (its id as text, short name or full name, as park scopes may), or a registered USCC. Department
 * scopes have no register to check against and are not passed here.
 */
export async function selectScopeRefExists(db: Db, kind: RegisteredKind, ref: string): Promise<boolean> {
  const query = {
    chain: sql`SELECT 1 FROM chains WHERE code = ${ref}`,
    region: sql`SELECT 1 FROM regions WHERE code = ${ref}`,
    park: sql`SELECT 1 FROM parks WHERE id::text = ${ref} OR short_name = ${ref} OR name = ${ref}`,
    enterprise: sql`SELECT 1 FROM enterprises WHERE uscc = ${ref}`,
  }[kind];
  const result = await db.execute(query);
  return result.rows.length > 0;
}

/** The names of the references of one kind (a park as its short name, matched by id, short or full name). */
export async function selectScopeNames(db: Db, kind: RegisteredKind, refs: readonly string[]): Promise<NamedRef[]> {
  const any = textArray(refs);
  const query = {
    chain: sql`SELECT code AS ref, name, code AS detail FROM chains WHERE code = ANY(${any})`,
    region: sql`SELECT code AS ref, name, code AS detail FROM regions WHERE code = ANY(${any})`,
    park: sql`SELECT r.ref, p.short_name AS name, p.name AS detail
              FROM parks p JOIN unnest(${any}) AS r(ref) ON p.id::text = r.ref OR p.short_name = r.ref OR p.name = r.ref`,
    enterprise: sql`SELECT uscc::text AS ref, name, uscc::text AS detail FROM enterprises WHERE uscc = ANY(${any})`,
  }[kind];
  return parseRows(await db.execute(query), namedRow);
}

/** Up to 50 choices of a scope picker, searched by name or code (a firm by name or USCC; a park by short or full name). */
export async function selectScopeOptions(db: Db, kind: RegisteredKind | 'department', q: string | undefined): Promise<NamedRef[]> {
  const like = containsPattern(q ?? '');
  const query = {
    chain: sql`SELECT code AS ref, name, code AS detail FROM chains
               WHERE name ILIKE ${like} OR code ILIKE ${like} ORDER BY code LIMIT 50`,
    region: sql`SELECT code AS ref, name, code AS detail FROM regions
                WHERE name ILIKE ${like} OR code ILIKE ${like} ORDER BY code LIMIT 50`,
    park: sql`SELECT id::text AS ref, short_name AS name, name AS detail FROM parks
              WHERE short_name ILIKE ${like} OR name ILIKE ${like} ORDER BY id LIMIT 50`,
    enterprise: sql`SELECT uscc::text AS ref, name, uscc::text AS detail FROM enterprises
                    WHERE name ILIKE ${like} OR uscc ILIKE ${like} ORDER BY name LIMIT 50`,
    // Departments have no register: the chains' lead offices and 后盾单位 name the ones in use.
    department: sql`SELECT DISTINCT d AS ref, d AS name, NULL::text AS detail
                    FROM (SELECT office AS d FROM chains UNION SELECT unnest(supporting_departments) FROM chains) s
                    WHERE d IS NOT NULL AND d <> '' AND d ILIKE ${like} ORDER BY d LIMIT 50`,
  }[kind];
  return parseRows(await db.execute(query), namedRow);
}
