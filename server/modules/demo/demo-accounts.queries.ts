import { parseRows } from '../../db/sql.js';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/** What the demo accounts are scoped to, looked up in the seeded data. */
export type DemoScopeTargets = {
  parkId: number | null;
  department: string | null;
  enterpriseUscc: string | null;
  enterpriseName: string | null;
};

export async function selectDemoScopeTargets(db: Db, input: { parkShortName: string; chainCode: string }): Promise<DemoScopeTargets> {
  const park = parseRows(
    await db.execute(sql`select id from parks where short_name = ${input.parkShortName}`),
    z.object({ id: z.number() }),
  );
  const chain = parseRows(
    await db.execute(sql`select coalesce(supporting_departments[1], office) as department from chains where code = ${input.chainCode}`),
    z.object({ department: z.string().nullable() }),
  );
  // The CH02 firm: its chain master when there is one, else the largest firm with a primary membership there.
  const firm = parseRows(
    await db.execute(sql`
    select e.uscc, e.name
    from enterprises e
    join enterprise_memberships m on m.uscc = e.uscc and m.is_primary and m.valid_to_year is null
    join chain_nodes n on n.id = m.node_id and n.chain_code = ${input.chainCode}
    order by e.is_chain_master desc, e.uscc
    limit 1`),
    z.object({ uscc: z.string(), name: z.string() }),
  );
  return {
    parkId: park[0]?.id ?? null,
    department: chain[0]?.department ?? null,
    enterpriseUscc: firm[0]?.uscc ?? null,
    enterpriseName: firm[0]?.name ?? null,
  };
}
