// Which database a statistics read goes to, with a read replica (DATABASE_READ_URL).
//
// Users who only ever see published months (市领导 without the reviewer flag, 链长, 部门, 园区, 县市区)
// read from the replica: a published month is a frozen snapshot, so a replica a few seconds behind
// answers exactly what the primary would once it has replayed the publication, and until then the
// month before with its own publication block (never a half-written month). Data staff (admin,
// 链办, 统计审核员) read on the primary: they open months not yet published (live figures that their
// own imports and corrections just changed) and publish them, so they must read their own writes.
import type { Database, Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { isDataStaff } from '../periods/periods.policy.js';

export function readerOf(database: Database, actor: Actor): Db {
  return database.read && !isDataStaff(actor) ? database.read.db : database.db;
}
