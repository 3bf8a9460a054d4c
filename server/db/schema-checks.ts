// Pieces of the schema's CHECK constraints built from the shared enums and identifier patterns, so
// the database refuses exactly what the contracts refuse (and the generated SQL stays as committed).
import { sql, type SQL } from 'drizzle-orm';

export {
  CHAIN_CODE_PATTERN,
  GBT4754_CODE_PATTERN,
  NODE_KEY_PATTERN,
  PERIOD_PATTERN,
  REGION_CODE_PATTERN,
  USCC_PATTERN,
} from '../../shared/contracts/identifiers.js';

/** The values of an enum as an SQL list: `'a','b'` (the values are constants of the code, never input). */
export function list(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(',');
}

/** A pattern as the quoted text of a `~` match: `'^[0-9]{6}$'`. */
export function quoted(pattern: RegExp): string {
  return `'${pattern.source}'`;
}

/** A pattern as an SQL fragment for a `sql` template. */
export function pattern(re: RegExp): SQL {
  return sql.raw(quoted(re));
}
