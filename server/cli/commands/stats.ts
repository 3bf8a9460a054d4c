import { monitoringChainsResponse, monitoringQuery, type MonitoringQuery } from '../../../shared/contracts/monitoring.js';
import { DEFAULT_MONITORING_RANGE } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { getChainStatistics } from '../../modules/monitoring/monitoring.service.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { formatChainsTable } from './stats-table.js';

const usage = `stats chains --period YYYY-MM [--range ytd|month, default ${DEFAULT_MONITORING_RANGE}] [--json]`;

/** The query the options name, checked with the API's own schema; a usage error names each bad option. */
export function parseStatsQuery(period: string, range: string | undefined): MonitoringQuery {
  const checked = monitoringQuery.safeParse({ period, range });
  if (checked.success) return checked.data;
  const reasons = checked.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`);
  throw new UsageError(`参数无效 (invalid arguments): ${reasons.join('; ')} — 用法 (usage): ${usage}`);
}

/**
 * Prints the chain statistics as the system actor (every chain): with `json`, exactly the JSON body
 * `GET /api/monitoring/chains` answers (same service, same response schema); else a table.
 */
export async function printChainStatistics(db: Db, query: MonitoringQuery, json: boolean, io: CliIo): Promise<void> {
  const answer = monitoringChainsResponse.parse(await getChainStatistics(db, SYSTEM_ACTOR, query));
  if (json) io.out(JSON.stringify(answer));
  else for (const line of formatChainsTable(answer)) io.out(line);
}

export const statsCommand = defineCommand({
  name: 'stats',
  usage,
  summary:
    '产业链运行监测统计（同口径），与 GET /api/monitoring/chains 相同 (chain statistics on the comparable basis, as the API gives them)',
  options: { period: { type: 'string' }, range: { type: 'string' }, json: { type: 'boolean' } },
  positionals: ['chains'],
  run: async ({ values, positionals: [what], io, required, usageError, database }) => {
    if (what !== 'chains') throw usageError(`未知统计 ${what} (unknown statistics ${what})`);
    // Checked before the database opens, so a typo fails fast.
    const query = parseStatsQuery(required('period'), values.range);
    await database(({ db }) => printChainStatistics(db, query, values.json === true, io), { migrate: false });
  },
});
