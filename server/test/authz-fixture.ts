// The world of the authorisation matrix: every scope split in two. The "in" side is what each scoped
// account owns (chain CH02, county 衡阳县 430421, park 西渡高新区 in it, firm A on CH02 there, that
// firm's own account); the "out" side is the same kind of thing owned by nobody of them (chain CH05,
// county 常宁市 430482, park 水口山经开区, firm B on CH05 there). One user and one session per role.
import { publishHistoryMonths } from '../modules/periods/periods.service.js';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { EnterpriseProfile } from '../../shared/contracts/enterprises.js';
import type { ScopeEntry } from '../../shared/contracts/auth.js';
import type { UserItem } from '../../shared/contracts/users.js';
import { ROLES, type Role } from '../../shared/roles.js';
import type { Db } from '../db/client.js';
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { addEdge, createNode } from '../modules/chains/chain-nodes.service.js';
import { setChainTarget } from '../modules/chains/chains.service.js';
import { buildChain } from './factories/chains.js';
import { seedReferenceData } from '../modules/demo/seed.js';
import { buildEnterprise, parkIdOf } from './factories/enterprises.js';
import { createIndustry } from '../modules/industries/industries.service.js';
import { createPark } from '../modules/parks/parks.service.js';
import { createRegion } from '../modules/regions/regions.service.js';
import { createTestApp, loginAs, type Session, type TestApp } from './app.js';
import { buildUser, TEST_PASSWORD } from './factories/common.js';

export type Side = 'in' | 'out';
export const SIDES: readonly Side[] = ['in', 'out'];

type SideFacts = { chain: string; node: string; region: string; parkShortName: string };

const FACTS: Record<Side, SideFacts> = {
  in: { chain: 'CH02', node: 'xfmr', region: '430421', parkShortName: '西渡高新区' },
  out: { chain: 'CH05', node: 'pipe', region: '430482', parkShortName: '水口山经开区' },
};

/** The month the matrix reads statistics of; firms A and B report every month of 2024 and 2025 up to it. */
export const MATRIX_PERIOD = '2025-06';
/** 当月 gross output of firm A and firm B (元): different, so a total shows whose figures it holds. */
export const MONTHLY_OUTPUT: Record<Side, number> = { in: 1_000_000, out: 3_000_000 };

export type AuthzFixture = {
  app: FastifyInstance;
  db: Db;
  chain: Record<Side, string>;
  node: Record<Side, string>;
  region: Record<Side, string>;
  park: Record<Side, { id: number; shortName: string }>;
  firm: Record<Side, EnterpriseProfile>;
  users: Record<Role, UserItem>;
  sessions: Record<Role, Session>;
  /** A new, unused name or code part, unique in this file. */
  unique: () => string;
  /** A new firm on one side of every scope (for deletes and edits that must not touch firm A or B). */
  freshFirm: (side: Side) => Promise<EnterpriseProfile>;
  /** A new node of the side's chain (no firm on it, so it may be deleted). */
  freshNode: (side: Side) => Promise<string>;
  /** Two new nodes of the side's chain with an edge between them. */
  freshEdge: (side: Side) => Promise<{ from: string; to: string }>;
  /** A target of the side's chain for a year nobody else uses. */
  freshTarget: (side: Side) => Promise<number>;
  freshChain: () => Promise<string>;
  freshIndustry: () => Promise<string>;
  freshPark: () => Promise<number>;
  freshRegion: () => Promise<string>;
  freshUser: () => Promise<UserItem>;
  /** A new 市领导 account (for the reviewer grant). */
  freshLeader: () => Promise<UserItem>;
  /** Another session of the role's user (logout ends it, not the matrix's). */
  freshSession: (role: Role) => Promise<Session>;
};

/** The data scope each role's account gets: everything on the "in" side. */
function scopesOf(role: Role, parkId: number, firmA: string): ScopeEntry[] {
  switch (role) {
    case 'chain_chief':
    case 'chain_office':
      return [{ kind: 'chain', ref: FACTS.in.chain }];
    case 'department':
      return [{ kind: 'department', ref: '市发展和改革委员会' }];
    case 'park':
      return [{ kind: 'park', ref: String(parkId) }];
    case 'county':
      return [{ kind: 'region', ref: FACTS.in.region }];
    case 'enterprise':
      return [{ kind: 'enterprise', ref: firmA }];
    default:
      return [];
  }
}

/** Months of 2024-01 … MATRIX_PERIOD for one firm: output as set, revenue a tenth of it (a 退规 risk). */
async function insertFigures(db: Db, uscc: string, output: number): Promise<void> {
  const last = Number(MATRIX_PERIOD.slice(5, 7));
  for (const year of [2024, 2025]) {
    for (let month = 1; month <= (year === 2025 ? last : 12); month += 1) {
      const period = `${year}-${String(month).padStart(2, '0')}`;
      await db.execute(sql`
        INSERT INTO monthly_figures (uscc, period, gross_output, revenue, source)
        VALUES (${uscc}, ${period}, ${output}, ${output / 10}, 'demo')`);
    }
  }
}

function monthsOfFixture(): string[] {
  const last = Number(MATRIX_PERIOD.slice(5, 7));
  const months: string[] = [];
  for (const year of [2024, 2025]) {
    for (let month = 1; month <= (year === 2025 ? last : 12); month += 1) months.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return months;
}

/** Builds the two-sided world on a fresh test database (reference data, firms, figures, users, sessions). */
export async function buildAuthzFixture(app: FastifyInstance, db: Db): Promise<AuthzFixture> {
  await seedReferenceData(db);
  let counter = 0;
  const unique = () => {
    counter += 1;
    return String(counter);
  };
  const park = {
    in: { id: await parkIdOf(db, FACTS.in.parkShortName), shortName: FACTS.in.parkShortName },
    out: { id: await parkIdOf(db, FACTS.out.parkShortName), shortName: FACTS.out.parkShortName },
  };
  const freshFirm = (side: Side) =>
    buildEnterprise(db, {
      name: `矩阵${side === 'in' ? '甲' : '乙'}侧企业${unique()}有限公司`,
      regionCode: FACTS[side].region,
      parkId: park[side].id,
      aboveScaleYears: [2024, 2025],
      memberships: [{ chainCode: FACTS[side].chain, nodeKey: FACTS[side].node, isPrimary: true }],
    });
  const firm = { in: await freshFirm('in'), out: await freshFirm('out') };
  for (const side of SIDES) await insertFigures(db, firm[side].uscc, MONTHLY_OUTPUT[side]);
  // Every fixture month is published, so every role reads it (an unpublished month is for data staff only).
  await publishHistoryMonths(db, SYSTEM_ACTOR, monthsOfFixture());

  const users = {} as Record<Role, UserItem>;
  const sessions = {} as Record<Role, Session>;
  for (const role of ROLES) {
    users[role] = await buildUser(db, {
      role,
      username: `matrix-${role.replace('_', '-')}`,
      scopes: scopesOf(role, park.in.id, firm.in.uscc),
    });
    sessions[role] = await loginAs(app, users[role].username, TEST_PASSWORD);
  }

  const freshNode = async (side: Side) => {
    const key = `n${unique()}`;
    await createNode(db, SYSTEM_ACTOR, FACTS[side].chain, { key, name: `矩阵环节${key}`, stage: 'midstream', gbt4754: [] });
    return key;
  };
  let targetYear = 2030;
  return {
    app,
    db,
    chain: { in: FACTS.in.chain, out: FACTS.out.chain },
    node: { in: FACTS.in.node, out: FACTS.out.node },
    region: { in: FACTS.in.region, out: FACTS.out.region },
    park,
    firm,
    users,
    sessions,
    unique,
    freshFirm,
    freshNode,
    freshEdge: async (side) => {
      const from = await freshNode(side);
      const to = await freshNode(side);
      await addEdge(db, SYSTEM_ACTOR, FACTS[side].chain, { from, to });
      return { from, to };
    },
    freshTarget: async (side) => {
      targetYear += 1;
      await setChainTarget(db, SYSTEM_ACTOR, FACTS[side].chain, targetYear, { outputTargetYuan: 1_000_000, growthTarget: null });
      return targetYear;
    },
    freshChain: async () => {
      const code = `M${unique().toUpperCase()}`;
      return buildChain(db, code, { name: `矩阵产业链${code}` });
    },
    freshIndustry: async () => {
      const code = `Z${unique().toUpperCase()}`.slice(0, 8);
      await createIndustry(db, SYSTEM_ACTOR, { code, group: '四新', name: `矩阵产业${code}` });
      return code;
    },
    freshPark: async () => {
      const name = unique();
      const created = await createPark(db, SYSTEM_ACTOR, {
        name: `矩阵园区${name}`,
        shortName: `矩阵${name}`,
        level: 'provincial',
        regionCode: FACTS.out.region,
        areaHectares: null,
        establishedOn: null,
        focus: [],
        focusChainCodes: [],
      });
      return created.id;
    },
    freshRegion: async () => {
      counter += 1;
      const code = String(439000 + counter);
      await createRegion(db, SYSTEM_ACTOR, { code, name: `矩阵区${code}`, shortName: `矩${code}`, kind: 'zone' });
      return code;
    },
    freshUser: () => buildUser(db, { role: 'county', scopes: [{ kind: 'region', ref: FACTS.out.region }] }),
    freshLeader: () => buildUser(db, { role: 'leader', scopes: [] }),
    freshSession: (role) => loginAs(app, users[role].username, TEST_PASSWORD),
  };
}

/**
 * A test app and its fixture, for one test file. Every role logs in more than ten times; the login
 * limit is not what these files test, so it is raised.
 */
export async function startAuthzApp(): Promise<{ t: TestApp; fx: AuthzFixture }> {
  const t = await createTestApp({ LOGIN_RATE_LIMIT: '1000' });
  return { t, fx: await buildAuthzFixture(t.app, t.database.db) };
}

/**
 * A record on each side (an id), made on first use and then the same for every role and route of the
 * fixture: `make` runs once per side, in then out. `listed` says which sides' records a list answer
 * (`{ items: { id }[] }`) holds; none before they are made.
 */
export function oncePerSide(make: (fx: AuthzFixture, side: Side) => Promise<number>): {
  get: (fx: AuthzFixture, side: Side) => Promise<number>;
  listed: (body: unknown, fx: AuthzFixture) => Side[];
} {
  const made = new WeakMap<AuthzFixture, Record<Side, number>>();
  return {
    get: async (fx, side) => {
      let ids = made.get(fx);
      if (!ids) {
        ids = { in: await make(fx, 'in'), out: await make(fx, 'out') };
        made.set(fx, ids);
      }
      return ids[side];
    },
    listed: (body, fx) => {
      const ids = made.get(fx);
      const listed = new Set(((body as { items?: { id: number }[] }).items ?? []).map((i) => i.id));
      return ids ? SIDES.filter((side) => listed.has(ids[side])) : [];
    },
  };
}
