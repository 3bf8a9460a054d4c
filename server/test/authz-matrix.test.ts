// Every API route the app registers × every role × an object inside and outside the caller's scope,
// plus the anonymous call and a write without its CSRF token, against server/test/authz-matrix.ts.
// One app and one database for the file; each route's cells are collected and compared at once, so a
// failure lists every wrong cell of the route.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/roles.js';
import { apiRoutesOf } from '../lib/route-table.js';
import type { TestApp } from './app.js';
import { startAuthzApp, SIDES, type AuthzFixture, type Side } from './authz-fixture.js';
import {
  AUTHZ_MATRIX,
  routesWithoutRow,
  type Cell,
  type MatrixRequest,
  type MatrixRow,
  type RequestBuilder,
  type Statuses,
} from './authz-matrix.js';

let t: TestApp;
let fx: AuthzFixture;

beforeAll(async () => {
  ({ t, fx } = await startAuthzApp());
});
afterAll(async () => t.close());

const key = (method: string, url: string) => `${method} ${url}`;

/** The registered routes the matrix must cover: HEAD answers with its GET route's handler and policy. */
function registeredRoutes(): string[] {
  const routes = apiRoutesOf(t.app);
  return routes
    .filter((r) => r.method !== 'HEAD' || !routes.some((g) => g.method === 'GET' && g.url === r.url))
    .map((r) => key(r.method, r.url));
}

const cellOf = (cell: Cell, side: Side) => (typeof cell === 'number' ? cell : cell[side === 'in' ? 0 : 1]);

type Answer = { status: number; body: unknown };

/** A caller: its session cookie, and its CSRF token unless the request is to go without one. */
type Caller = { cookie: string; csrf: string | null } | null;

/** Sends one request as the caller (null: anonymous); a request's own session replaces the caller's. */
async function send(row: MatrixRow, spec: MatrixRequest, caller: Caller): Promise<Answer> {
  const headers: Record<string, string> = { ...(spec.headers ?? {}) };
  if (caller) {
    headers.cookie = spec.session?.cookie ?? caller.cookie;
    if (caller.csrf !== null) headers['x-csrf-token'] = spec.session?.csrf ?? caller.csrf;
  }
  const payload = spec.payload === undefined ? undefined : Buffer.isBuffer(spec.payload) ? spec.payload : JSON.stringify(spec.payload);
  if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const res = await t.app.inject({ method: row.method, url: spec.url, headers, payload });
  const body: unknown = String(res.headers['content-type'] ?? '').includes('json') ? res.json() : res.body;
  return { status: res.statusCode, body };
}

/** Every answer of 400 or more carries the one error body. */
function errorShapeProblem(answer: Answer): string | null {
  if (answer.status < 400) return null;
  const code = (answer.body as { error?: { code?: unknown } } | null)?.error?.code;
  return typeof code === 'string' ? null : `no { error: { code } } body: ${JSON.stringify(answer.body).slice(0, 200)}`;
}

async function auditCount(): Promise<number> {
  const result = await fx.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log`);
  return result.rows[0]?.n ?? -1;
}

/** Runs one request builder for every role and side; returns the wrong cells as readable lines. */
async function checkCells(row: MatrixRow, label: string, request: RequestBuilder, statuses: Statuses): Promise<string[]> {
  const wrong: string[] = [];
  for (const role of ROLES) {
    for (const side of SIDES) {
      const spec = await request(fx, side, role);
      const session = fx.sessions[role];
      const write = row.method !== 'GET';
      const auditBefore = write ? await auditCount() : 0;
      const answer = await send(row, spec, { cookie: session.cookie, csrf: session.csrf });
      const expected = cellOf(statuses[role], side);
      const where = `${label} as ${role}, ${side} of scope (${spec.url})`;
      if (write) {
        // A write that went through is in the audit log; a refused one (or a dry run) leaves no trace.
        const added = (await auditCount()) - auditBefore;
        const mustAdd = (answer.status < 300 && !row.dryRun) || (answer.status >= 400 && row.auditedRefusal === true);
        if (mustAdd ? added < 1 : added !== 0)
          wrong.push(`${where}: ${added} audit rows after ${answer.status}, expected ${mustAdd ? 'at least 1' : 'none'}`);
      }
      if (answer.status !== expected)
        wrong.push(`${where}: expected ${expected}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`);
      const problem = answer.status < 300 && row.answer ? row.answer(answer.body) : null;
      if (problem) wrong.push(`${where}: ${problem}`);
      const shape = errorShapeProblem(answer);
      if (shape) wrong.push(`${where}: ${shape}`);
      if (row.list && answer.status === 200 && request === row.request) {
        const seen = row.list.present(answer.body, fx);
        const must = row.list.sees(role, side);
        if (seen.join() !== must.join())
          wrong.push(`${where}: shows the ${seen.join('+') || 'no'} side's rows, must show ${must.join('+') || 'none'}`);
      }
    }
  }
  return wrong;
}

describe('the authorisation matrix covers the route table', () => {
  it('has a row for every registered API route', () => {
    expect(routesWithoutRow(apiRoutesOf(t.app), AUTHZ_MATRIX)).toEqual([]);
  });

  it('names a route registered without a row (HEAD of a GET needs none)', () => {
    const registered = [
      { method: 'GET', url: '/api/chains' },
      { method: 'HEAD', url: '/api/chains' },
      { method: 'POST', url: '/api/reports' },
    ];
    expect(routesWithoutRow(registered, AUTHZ_MATRIX)).toEqual([
      'route POST /api/reports has no row in the authorisation matrix (server/test/authz-matrix.ts)',
    ]);
  });

  it('has no row for a route that is not registered, and one row per route', () => {
    const registered = new Set(registeredRoutes());
    const stale = AUTHZ_MATRIX.map((r) => key(r.method, r.route)).filter((route) => !registered.has(route));
    expect(stale.map((route) => `row ${route} names no registered route`)).toEqual([]);
    const keys = AUTHZ_MATRIX.map((r) => key(r.method, r.route));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('sees every module: at least the 60 routes of today', () => {
    expect(registeredRoutes().length).toBeGreaterThanOrEqual(60);
  });
});

describe.each(AUTHZ_MATRIX.map((row) => ({ row, name: key(row.method, row.route) })))('$name', ({ row, name }) => {
  it('answers each role inside and outside its scope as the matrix says', async () => {
    let wrong = await checkCells(row, name, row.request, row.status);
    for (const probe of row.probes ?? [])
      wrong = wrong.concat(await checkCells(row, `${name} [${probe.name}]`, probe.request, probe.status));
    expect(wrong).toEqual([]);
    // A row makes 16 requests or more; one that builds a document each time (the 五单一图谱 workbook draws its map) takes
    // seconds idle and more on a loaded machine.
  }, 180_000);

  it('answers a caller without a session', async () => {
    const answer = await send(row, await row.request(fx, 'in', null), null);
    expect(answer.status, JSON.stringify(answer.body)).toBe(row.anonymous ?? 401);
    expect(errorShapeProblem(answer)).toBeNull();
  });

  if (row.method !== 'GET') {
    it('refuses a write without the CSRF token', async () => {
      const spec = await row.request(fx, 'in', 'admin');
      // The cookie of a valid admin session (or the row's own), no X-CSRF-Token header.
      const answer = await send(row, spec, { cookie: fx.sessions.admin.cookie, csrf: null });
      expect(answer.status, JSON.stringify(answer.body)).toBe(row.withoutCsrf ?? 403);
      if (answer.status === 403) expect((answer.body as { error: { code: string } }).error.code).toBe('csrf_failed');
    });
  }
});
