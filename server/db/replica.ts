// The read replica (DATABASE_READ_URL): how far behind the primary it is.
import type { Database } from './client.js';

/**
 * Seconds the replica's last replayed transaction is behind now; 0 when it has replayed all it
 * received (an idle primary sends nothing new, so the age of the last transaction is not lag).
 * Null without a replica; an unreachable replica throws.
 */
export async function replicaLagSeconds(database: Database): Promise<number | null> {
  if (!database.read) return null;
  const { rows } = await database.read.pool.query<{ lag: string | number | null }>(
    `select case
       when not pg_is_in_recovery() then 0
       when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
       else extract(epoch from now() - pg_last_xact_replay_timestamp())
     end as lag`,
  );
  const lag = rows[0]?.lag;
  return lag === null || lag === undefined ? 0 : Math.max(0, Math.round(Number(lag) * 10) / 10);
}
