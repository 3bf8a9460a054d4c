// `node --import tsx scripts/province-explain.ts URL PERIOD [live|frozen:VERSION] [chain|region|park]`: EXPLAIN ANALYZE of the
// statistics engine's chain YTD on a generated province (see docs/SCALING.md), and of the hand-written yardstick.
import pg from 'pg';
import { PgDialect } from 'drizzle-orm/pg-core';
import { growthGroupsSql } from '../server/modules/monitoring/monitoring.queries.js';
import { NO_FILTER, storeFrozenFirmStatsSql, type FiguresView } from '../server/modules/monitoring/monitoring.sql.js';
import { monthRangeOf } from '../server/modules/monitoring/monitoring.service.js';
import { rawChainYtdSql } from './bench-province.js';

const [url, period = '2026-10', viewArg = 'live', by = 'chain'] = process.argv.slice(2);
const view: FiguresView = viewArg.startsWith('frozen:')
  ? { kind: 'frozen', version: Number(viewArg.slice(7)) }
  : { kind: 'live', holdBack: true };
const query = new PgDialect().sqlToQuery(
  growthGroupsSql({ range: monthRangeOf(period, 'ytd'), filter: NO_FILTER, by: by as 'chain', view }),
);
const client = new pg.Client({ connectionString: url });
await client.connect();
if (view.kind === 'frozen') {
  // The rollup the app stores on publication or first read (idempotent).
  const store = new PgDialect().sqlToQuery(storeFrozenFirmStatsSql(monthRangeOf(period, 'ytd'), view.version));
  await client.query(store.sql, [...store.params]);
}
for (const [name, text, params] of [
  ['engine', query.sql, query.params],
  ['raw', rawChainYtdSql(Number(period.slice(0, 4)), period), []],
] as const) {
  const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, [...params]);
  console.log(`── ${name}`);
  for (const row of plan.rows as { 'QUERY PLAN': string }[]) console.log(row['QUERY PLAN']);
}
await client.end();
