import type { Database } from './client.js';

/**
 * Checks the database can hold and compare Chinese text: the encoding must be UTF8 (else start is
 * refused), and a non-UTF-8 LC_CTYPE (e.g. "C") is reported, because character classes and
 * trigram similarity on Chinese need a UTF-8 locale. Returns the warning, if any.
 */
export async function checkDatabaseEncoding(database: Database): Promise<string | null> {
  const result = await database.pool.query<{ encoding: string; ctype: string }>(
    `select pg_encoding_to_char(encoding) as encoding, datctype as ctype from pg_database where datname = current_database()`,
  );
  const row = result.rows[0];
  if (!row) return null;
  if (row.encoding !== 'UTF8') {
    throw new Error(
      `数据库编码为 ${row.encoding}，须为 UTF8 (the database encoding is ${row.encoding}; create it with TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8')`,
    );
  }
  if (!/utf-?8/i.test(row.ctype)) {
    return `数据库 LC_CTYPE 为 ${row.ctype}，中文检索可能不准确 (LC_CTYPE is ${row.ctype}, not UTF-8: Chinese text search may be inaccurate; recreate the database with LC_CTYPE 'C.UTF-8')`;
  }
  return null;
}
