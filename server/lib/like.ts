/**
 * A LIKE/ILIKE pattern matching `text` anywhere, with `%`, `_` and `\` typed by a user searched for
 * literally (PostgreSQL's default LIKE escape character is the backslash). Every search that uses
 * LIKE goes through this, so "50%" finds "50%" and "a_b" does not find "axb".
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
