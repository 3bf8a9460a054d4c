// Uniform not-found (issue 9, finding 4): an identifier outside the caller's scope answers exactly
// like one that is not registered at all (same status, same body once the identifier itself is
// blanked out), on every route that looks one up, and in the rows of a figures import; otherwise
// anyone logged in could test whether a USCC or a chain exists elsewhere in the city.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/app.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories/common.js';
import { seedReferenceData } from '../demo/seed.js';
import { buildEnterprise, nextUscc } from '../../test/factories/enterprises.js';
import { csvText, postImport } from '../../test/factories/figures.js';

let t: TestApp;
let office: Session;
let firmUser: Session;
/** A CH05 firm: registered, but outside the CH02 chain office's scope. */
let registered: string;
/** A valid code nobody registered. */
const unknown = nextUscc('430421');

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.database.db);
  registered = (await buildEnterprise(t.database.db, { memberships: [{ chainCode: 'CH05', nodeKey: 'pipe', isPrimary: true }] })).uscc;
  const own = (await buildEnterprise(t.database.db)).uscc;
  office = await loginAs(
    t.app,
    (await buildUser(t.database.db, { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] })).username,
    TEST_PASSWORD,
  );
  firmUser = await loginAs(
    t.app,
    (await buildUser(t.database.db, { role: 'enterprise', scopes: [{ kind: 'enterprise', ref: own }] })).username,
    TEST_PASSWORD,
  );
});
afterAll(async () => t.close());

type Probe = { method: 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE'; url: (id: string) => string; payload?: object };

async function answer(session: Session, probe: Probe, id: string, blank: string): Promise<{ status: number; body: string }> {
  const res = await t.app.inject({
    method: probe.method,
    url: probe.url(id),
    headers: session.headers,
    ...(probe.payload ? { payload: probe.payload } : {}),
  });
  return { status: res.statusCode, body: res.body.split(blank).join('<id>') };
}

const firmProbes: Probe[] = [
  { method: 'GET', url: (u) => `/api/figures/${u}` },
  { method: 'GET', url: (u) => `/api/figures/${u}/2024-06/revisions` },
  { method: 'PUT', url: (u) => `/api/figures/${u}/2024-06`, payload: { unit: '元', values: { grossOutput: '1' } } },
  { method: 'GET', url: (u) => `/api/enterprises/${u}` },
  { method: 'PUT', url: (u) => `/api/enterprises/${u}`, payload: { name: '某企业', regionCode: '430421', memberships: [] } },
];

const chainProbes: Probe[] = [
  { method: 'GET', url: (c) => `/api/chains/${c}` },
  { method: 'PATCH', url: (c) => `/api/chains/${c}`, payload: { office: '某局' } },
  { method: 'PUT', url: (c) => `/api/chains/${c}/targets/2024`, payload: { outputTargetYuan: 1, growthTarget: 0.1 } },
  { method: 'DELETE', url: (c) => `/api/chains/${c}/targets/2024` },
  { method: 'POST', url: (c) => `/api/chains/${c}/nodes`, payload: { key: 'x1', name: '某环节', stage: 'upstream' } },
  { method: 'PATCH', url: (c) => `/api/chains/${c}/nodes/pipe`, payload: { name: '某环节' } },
  { method: 'DELETE', url: (c) => `/api/chains/${c}/nodes/pipe` },
  { method: 'POST', url: (c) => `/api/chains/${c}/edges`, payload: { from: 'pipe', to: 'pipe2' } },
  { method: 'DELETE', url: (c) => `/api/chains/${c}/edges/pipe/pipe2` },
];

describe('an identifier outside the caller’s scope answers like an unknown one', () => {
  it('figures and enterprise routes: 404 with the same body for a registered firm outside scope and an unregistered code', async () => {
    for (const session of [office, firmUser]) {
      for (const probe of firmProbes) {
        const outside = await answer(session, probe, registered, registered);
        const missing = await answer(session, probe, unknown, unknown);
        // The enterprise role may not PUT /api/enterprises at all: 403 by role, alike for both.
        if (session === office) expect(outside.status, `${probe.method} ${probe.url(registered)}`).toBe(404);
        expect(outside, `${probe.method} ${probe.url(registered)}`).toEqual(missing);
      }
    }
  });

  it('chain routes: 404 with the same body for another chain (CH05) and a chain that does not exist (CH88)', async () => {
    for (const probe of chainProbes) {
      const outside = await answer(office, probe, 'CH05', 'CH05');
      const missing = await answer(office, probe, 'CH88', 'CH88');
      expect(outside.status, `${probe.method} ${probe.url('CH05')}`).toBe(404);
      expect(outside, `${probe.method} ${probe.url('CH05')}`).toEqual(missing);
    }
    expect((await answer(firmUser, chainProbes[0] ?? { method: 'GET', url: () => '' }, 'CH05', 'CH05')).status).toBe(404);
  });

  it('a figures import names a firm outside scope with the same issue and text as an unknown code', async () => {
    const file = Buffer.from(
      csvText([
        ['统一社会信用代码', '期别', '工业总产值'],
        [registered, '2024-06', '1'],
        [unknown, '2024-06', '1'],
      ]),
    );
    const res = await postImport(t.app, office, file, { dryRun: true });
    expect(res.statusCode).toBe(400);
    const errors: { row: number; code: string; reason: string }[] = res.json().errors;
    expect(errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'unknownUscc'],
      [3, 'unknownUscc'],
    ]);
    expect(errors[0]?.reason.replace(registered, '<id>')).toBe(errors[1]?.reason.replace(unknown, '<id>'));
  });
});
