import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainNodeEdges, chainNodes, enterpriseMemberships } from '../../db/schema.js';
import { createTestDatabase } from '../../test/database.js';
import { REFERENCE_CHAINS } from '../../db/seed/reference-data.js';
import { countEnterprises, selectChainYtdComparison, type ChainYtdRow } from './demo.queries.js';
import { seedDemo, seedReferenceData } from './seed.js';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/**
 * The constraint a failed write violated (drizzle wraps the driver's error in `cause`). Writes run
 * in a transaction, as services do: a failed statement outside one makes pg-pool drop the embedded
 * database's only connection.
 */
async function violatedConstraint(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (err) {
    const cause: unknown = err instanceof Error && err.cause !== undefined ? err.cause : err;
    if (typeof cause === 'object' && cause !== null && 'constraint' in cause && typeof cause.constraint === 'string')
      return cause.constraint;
    throw err;
  }
  return undefined;
}

async function auditCount(database: TestDatabase, entity: string): Promise<number> {
  const result = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = ${entity}`);
  return result.rows[0]?.n ?? 0;
}

describe('seedDemo', () => {
  let database: TestDatabase;
  let rows: ChainYtdRow[];
  let report: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    report = await seedDemo(database.db);
    expect(report.seeded).toBe(true);
    rows = await selectChainYtdComparison(database.db, { year: 2024, month: 6 });
  }, 300_000);
  afterAll(async () => {
    await database.drop();
  });

  it('reproduces the published deduplicated total for Jan–Jun 2024: 855.04亿元', () => {
    const total = rows.find((r) => r.chainCode === null);
    expect(total).toBeDefined();
    expect(Math.abs((total?.output ?? 0) - 85_504_000_000)).toBeLessThanOrEqual(500_000);
    expect(((total?.output ?? 0) / 1e8).toFixed(2)).toBe('855.04');
    // The sum over chains counts two-chain firms twice: 943.5亿 against 855.04亿 deduplicated.
    const sumOfChains = rows.filter((r) => r.chainCode !== null).reduce((s, r) => s + r.output, 0);
    expect((sumOfChains / 1e8).toFixed(1)).toBe('943.5');
  });

  it('puts each chain within ±1% of its output and ±0.5 points of its growth', () => {
    for (const chain of REFERENCE_CHAINS) {
      const row = rows.find((r) => r.chainCode === chain.code);
      expect(row, chain.code).toBeDefined();
      const target = chain.demoH1_2024.outputYi * 1e8;
      expect(Math.abs((row?.output ?? 0) - target) / target, chain.code).toBeLessThanOrEqual(0.01);
      expect(Math.abs((row?.yoy ?? 0) - chain.demoH1_2024.yoy), chain.code).toBeLessThanOrEqual(0.005);
    }
  });

  it('has exactly 4 chains with double-digit growth: CH02, CH03, CH07, CH10', () => {
    const doubleDigit = rows.filter((r) => r.chainCode !== null && (r.yoy ?? 0) >= 0.1).map((r) => r.chainCode);
    expect(doubleDigit).toEqual(['CH02', 'CH03', 'CH07', 'CH10']);
  });

  it('excludes firms without a prior-year base from growth and counts them', () => {
    const total = rows.find((r) => r.chainCode === null);
    expect(total?.excludedFromGrowth).toBeGreaterThan(0);
    expect(total?.comparableOutput).toBeLessThan(total?.output ?? 0);
  });

  it('writes ~400 problem tickets a year, 2023 to mid-November 2026, with their units and timelines', async () => {
    const result = await database.db.execute<{ tickets: number; closed2025: number; units: number; events: number }>(sql`
      SELECT (SELECT count(*)::int FROM tickets) AS tickets,
             (SELECT count(*)::int FROM tickets WHERE closed_on BETWEEN '2025-01-01' AND '2025-12-31') AS "closed2025",
             (SELECT count(*)::int FROM ticket_units) AS units, (SELECT count(*)::int FROM ticket_events) AS events`);
    const counts = result.rows[0];
    expect(counts?.tickets).toBe(report.counts.tickets);
    expect(counts?.tickets).toBeGreaterThan(1500);
    expect(counts?.closed2025).toBeGreaterThan(350);
    expect(counts?.units).toBeGreaterThan(counts?.tickets ?? 0);
    expect(counts?.events).toBeGreaterThan(6 * (counts?.tickets ?? 0));
  });

  it('writes the supervision tasks by their rules (94) and up to three agenda items a chain from the open tickets', async () => {
    const result = await database.db.execute<{
      tasks: number;
      done: number;
      late: number;
      items: number;
      chains: number;
      wrong: number;
    }>(sql`
      SELECT (SELECT count(*)::int FROM supervision_tasks) AS tasks,
             (SELECT count(*)::int FROM supervision_tasks WHERE status = 'done') AS done,
             (SELECT count(*)::int FROM supervision_tasks WHERE on_time = false) AS late,
             (SELECT count(*)::int FROM agenda_items) AS items,
             (SELECT count(DISTINCT chain_code)::int FROM agenda_items) AS chains,
             (SELECT count(*)::int FROM agenda_items a
               WHERE a.firms < 2 OR a.firms <> (SELECT count(DISTINCT t.uscc) FROM tickets t WHERE t.id = ANY(a.ticket_ids))) AS wrong`);
    const counts = result.rows[0];
    expect(report.counts.tasks).toBe(94);
    expect(counts).toMatchObject({ tasks: 94, done: 70, late: 10, wrong: 0 });
    expect(counts?.items).toBe(report.counts.agenda);
    expect(counts?.items).toBeLessThanOrEqual(3 * 15);
    expect(counts?.chains).toBeGreaterThan(10);
  });

  it('refuses a second run, writing nothing', async () => {
    const before = await countEnterprises(database.db);
    const report = await seedDemo(database.db);
    expect(report.seeded).toBe(false);
    expect(report.message).toContain('未写入示例数据');
    expect(await countEnterprises(database.db)).toBe(before);
    expect(await auditCount(database, 'demo_data')).toBe(1);
  });

  it('lets the database refuse an edge between nodes of two chains', async () => {
    const [cu] = await database.db
      .select()
      .from(chainNodes)
      .where(sql`${chainNodes.chainCode} = 'CH02' AND ${chainNodes.key} = 'cu'`);
    const [cuproc] = await database.db
      .select()
      .from(chainNodes)
      .where(sql`${chainNodes.chainCode} = 'CH04' AND ${chainNodes.key} = 'cuproc'`);
    if (!cu || !cuproc) throw new Error('reference nodes missing');
    const constraint = await violatedConstraint(() =>
      database.db.transaction((tx) => tx.insert(chainNodeEdges).values({ chainCode: 'CH02', fromNodeId: cu.id, toNodeId: cuproc.id })),
    );
    expect(constraint).toBe('chain_node_edges_to_fkey');
  });

  it('lets the database refuse a second primary membership', async () => {
    const [membership] = await database.db
      .select()
      .from(enterpriseMemberships)
      .where(sql`${enterpriseMemberships.isPrimary}`)
      .limit(1);
    const [other] = await database.db
      .select()
      .from(chainNodes)
      .where(sql`${chainNodes.id} <> ${membership?.nodeId ?? 0}`)
      .limit(1);
    if (!membership || !other) throw new Error('seed data missing');
    const constraint = await violatedConstraint(() =>
      database.db.transaction((tx) =>
        tx.insert(enterpriseMemberships).values({ uscc: membership.uscc, nodeId: other.id, isPrimary: true }),
      ),
    );
    expect(constraint).toBe('enterprise_memberships_one_primary_key');
  });
});

describe('seedReferenceData', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('writes the master data only, once, and leaves room for the demo later', async () => {
    const report = await seedReferenceData(database.db);
    expect(report).toMatchObject({ seeded: true, counts: { regions: 15, parks: 11, industries: 10, chains: 15 } });
    expect(await countEnterprises(database.db)).toBe(0);
    const masters = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM chains WHERE chain_masters <> '{}'`);
    expect(masters.rows[0]?.n).toBe(0);
    expect((await seedReferenceData(database.db)).seeded).toBe(false);
    expect(await auditCount(database, 'reference_data')).toBe(1);

    const demo = await seedDemo(database.db);
    expect(demo.seeded).toBe(true);
    const after = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM chains WHERE chain_masters <> '{}'`);
    expect(after.rows[0]?.n).toBe(REFERENCE_CHAINS.filter((c) => c.chainMasters.length > 0).length);
    const nodes = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM chain_nodes`);
    expect(nodes.rows[0]?.n).toBe(REFERENCE_CHAINS.reduce((s, c) => s + c.nodes.length, 0));
    // It seeds the whole demo inside the test: as long as the other demo files' set-up (300 s on a loaded machine).
  }, 300_000);
});
