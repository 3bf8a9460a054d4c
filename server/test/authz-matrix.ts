// The authorisation matrix: for every API route the app registers, how to call it on an object
// inside and outside the caller's scope, and what each of the 8 roles must get back. The test
// (authz-matrix.test.ts) enumerates the real route table: a route without a row here fails it.
//
// A cell is `status` (the same on both sides) or `[in, out]`. Roles left out of a row get 403 (the
// route's policy refuses them before anything is read). Lists also say whose rows they show: a list
// never answers 403 for a scoped caller, it leaves the rows out, and the test checks they are absent.
import { IMPORT_COLUMNS } from '../../shared/contracts/enterprises.js';
import { DEFAULT_WARNING_SETTINGS } from '../../shared/contracts/warnings.js';
import { ROLES, type Role } from '../../shared/roles.js';
import { editBodyOf, multipartFile, nextUscc } from './factories/enterprises.js';
import { csvText } from './factories/figures.js';
import { ticketMatrixRows } from './authz-matrix.tickets.js';
import { projectMatrixRows } from './authz-matrix.projects.js';
import { supervisionMatrixRows } from './authz-matrix.supervision.js';
import { attachmentMatrixRows } from './authz-matrix.attachments.js';
import { assessmentMatrixRows } from './authz-matrix.assessment.js';
import { chainMapMatrixRows } from './authz-matrix.chain-map.js';
import { prospectMatrixRows } from './authz-matrix.prospects.js';
import { briefMatrixRows } from './authz-matrix.briefs.js';
import { jobMatrixRows } from './authz-matrix.jobs.js';
import type { Session } from './app.js';
import { MATRIX_PERIOD, MONTHLY_OUTPUT, SIDES, type AuthzFixture, type oncePerSide, type Side } from './authz-fixture.js';

/**
 * What a scoped caller gets for an identifier outside its scope that it may not see at all.
 * Every identifier lookup answers 404 for it, exactly as for an unknown identifier.
 */
export const OUT_OF_SCOPE_STATUS = 404; // issue 9 finding 4: an identifier outside the scope answers like an unknown one

/**
 * What a scoped editor (链长/链办, 园区, 县市区) gets when its edit of a firm inside its scope changes
 * an official designation: the 上市/链主/专精特新/高新 flags or the 规上 years.
 */
export const SCOPED_DESIGNATION_CHANGE_STATUS = 403; // issue 9 finding 3: only the roles that own an official designation change it

const OOS = OUT_OF_SCOPE_STATUS;

/** The admin's answers to moving a month that has no figures (2023-06 in the fixture). */
const PERIOD_NO_DATA = 400;
const PERIOD_NOT_IN_REVIEW = 409;
const PERIOD_NOT_PUBLISHED = 409;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Cell = number | readonly [number, number];
export type Statuses = Record<Role, Cell>;

/** One request: the URL with its query, a body, extra headers; `session` replaces the role's own. */
export type MatrixRequest = { url: string; payload?: unknown; headers?: Record<string, string>; session?: Session };

/** Builds the request of one side; `role` is null for the anonymous call. */
export type RequestBuilder = (fx: AuthzFixture, side: Side, role: Role | null) => MatrixRequest | Promise<MatrixRequest>;

/** Which sides' rows a 200 answer may show: the test checks exactly these are present. */
export type ListCheck = {
  /** The sides whose objects appear in the body (a firm's USCC, a chain's code, a region's figures). */
  present: (body: unknown, fx: AuthzFixture) => Side[];
  /** The sides a role must see on each request. */
  sees: (role: Role, side: Side) => Side[];
};

/** A further case of a row (same route), e.g. an edit that changes an official designation. */
export type Probe = { name: string; request: RequestBuilder; status: Statuses };

export type MatrixRow = {
  method: HttpMethod;
  /** The route pattern exactly as Fastify registers it. */
  route: string;
  request: RequestBuilder;
  status: Statuses;
  /** Without a session: 401 unless the route is public. */
  anonymous?: number;
  /** A write with a valid session (the admin's, or the row's own) but no CSRF token: 403 unless public. */
  withoutCsrf?: number;
  list?: ListCheck;
  probes?: readonly Probe[];
  /** A check that writes nothing (import dry runs): no audit row either. Every other 2xx write adds one. */
  dryRun?: true;
  /** A refusal that is itself audited (a failed login): the 4xx answer adds an audit row too. */
  auditedRefusal?: true;
  /** What is wrong with a 2xx answer's body, if anything (e.g. a dry run that found errors in the file). */
  answer?: (body: unknown) => string | null;
};

/**
 * The row of a list route over records made once per side (`oncePerSide`): its request makes them
 * first, then the answer must hold exactly the sides `sees` names for the role.
 */
export function listRow(
  route: string,
  url: string,
  records: ReturnType<typeof oncePerSide>,
  status: Statuses,
  sees: ListCheck['sees'],
): MatrixRow {
  return {
    method: 'GET',
    route,
    request: async (fx) => {
      await records.get(fx, 'in');
      return { url };
    },
    status,
    list: { present: records.listed, sees },
  };
}

/** The row of a GET of a fixed address (nothing made per side, so both sides are the same call): `url`, the route by default. */
export function fixedGet(route: string, status: Statuses, url: string = route): MatrixRow {
  return { method: 'GET', route, request: () => ({ url }), status };
}

/** Statuses from the roles given; every other role 403. */
export function grid(cells: Partial<Record<Role, Cell>>, otherwise: Cell = 403): Statuses {
  return Object.fromEntries(ROLES.map((role) => [role, cells[role] ?? otherwise])) as Statuses;
}

const only = (roles: readonly Role[], status: Cell) => grid(Object.fromEntries(roles.map((r) => [r, status])));
const everyone = (status: Cell) => grid({}, status);

/** Roles that read every firm and chain figure of the city. */
const READS_ALL: readonly Role[] = ['admin', 'leader', 'department'];
const MONITORING: readonly Role[] = ['admin', 'leader', 'chain_chief', 'chain_office', 'department', 'park', 'county'];

/** Scoped lists: the city-wide roles see both sides, every other role its own side only. */
const scopedSees = (role: Role, side: Side): Side[] => {
  if (READS_ALL.includes(role)) return side === 'in' ? ['in', 'out'] : ['out'];
  return side === 'in' ? ['in'] : [];
};
/** An unfiltered list (the "out" request is the same): city-wide roles see both sides. */
const unfilteredSees =
  (city: readonly Role[]) =>
  (role: Role): Side[] =>
    city.includes(role) ? ['in', 'out'] : ['in'];

/** The sides whose firms' USCCs appear anywhere in the body. */
const firmsIn = (body: unknown, fx: AuthzFixture): Side[] => {
  const text = JSON.stringify(body);
  return SIDES.filter((side) => text.includes(fx.firm[side].uscc));
};

type Part = { code: string; output: number };
/** The sides whose chain or region has output in a statistics answer (a part without figures shows 0). */
const partsWithOutput =
  (field: 'chains' | 'rows', key: 'chain' | 'region') =>
  (body: unknown, fx: AuthzFixture): Side[] => {
    const parts = (body as Record<string, Part[]>)[field] ?? [];
    return SIDES.filter((side) => parts.some((p) => p.code === fx[key][side] && p.output > 0));
  };

const stats = `period=${MATRIX_PERIOD}&range=month`;
const json = (url: string, payload: unknown): MatrixRequest => ({ url, payload });

/** A tiny valid enterprise file: one new firm on the side. */
function enterpriseCsv(fx: AuthzFixture, side: Side): MatrixRequest {
  const row: Record<string, string> = {
    统一社会信用代码: nextUscc(fx.region[side]),
    企业名称: `矩阵导入企业${fx.unique()}有限公司`,
    所属区县: fx.region[side],
    所属园区: '',
    行业代码: '3821',
    规上年度: '2025',
    产业链环节: `${fx.chain[side]}:${fx.node[side]}`,
  };
  return multipartRequest('/api/enterprises/import?dryRun=true', 'firms.csv', [IMPORT_COLUMNS, IMPORT_COLUMNS.map((c) => row[c] ?? '')]);
}

export function multipartRequest(url: string, fileName: string, rows: readonly (readonly string[])[]): MatrixRequest {
  const body = multipartFile(fileName, Buffer.from(csvText(rows)));
  return { url, payload: body.payload, headers: body.headers };
}

/** A statistics list narrowed to the other side's county and park: a 县市区 or 园区 user may not ask for them. */
const otherPlaceProbe = (path: string, query: string): Probe => ({
  name: "narrowed to the other side's county and park",
  request: (fx) => ({ url: `${path}?${query}&region=${fx.region.out}&park=${fx.park.out.id}` }),
  status: grid({ admin: 200, leader: 200, department: 200, chain_chief: 200, chain_office: 200, park: 403, county: 403 }),
});

/**
 * The admin's edit (PATCH with `edit`'s body) and delete of a master-data record: each call makes its own
 * record with `fresh`, whose key takes the place of the route's last parameter.
 */
function adminEditRows(
  route: string,
  fresh: (fx: AuthzFixture) => Promise<string | number>,
  edit: (fx: AuthzFixture) => unknown,
): MatrixRow[] {
  const url = async (fx: AuthzFixture) => route.replace(/:\w+$/, String(await fresh(fx)));
  return [
    { method: 'PATCH', route, request: async (fx) => json(await url(fx), edit(fx)), status: only(['admin'], 200) },
    { method: 'DELETE', route, request: async (fx) => ({ url: await url(fx) }), status: only(['admin'], 200) },
  ];
}

/**
 * A move of the month 2023-06, which has no figures: the admin passes the policy and gets the domain's
 * refusal `status` (nothing written); every other role 403.
 */
function emptyMonthMove(route: string, status: number, payload?: unknown): MatrixRow {
  return { method: 'POST', route, request: () => ({ url: route.replace(':period', '2023-06'), payload }), status: only(['admin'], status) };
}

/** 链长/链办 edit their own chains; the admin every chain; an out-of-scope chain is invisible to them. */
const chainEdit = (ok: number) => grid({ admin: ok, chain_chief: [ok, OOS], chain_office: [ok, OOS] });
/** A firm's months: readable by whoever sees the firm. */
const firmFiguresRead = grid({ admin: 200, leader: 200, department: 200 }, [200, OOS]);

export const AUTHZ_MATRIX: readonly MatrixRow[] = [
  // ── system ──
  { ...fixedGet('/api/health', everyone(200)), anonymous: 200 },
  { ...fixedGet('/api/openapi.json', everyone(200)), anonymous: 200 },
  // The API documentation pages (swagger UI) are public: they describe, they hold no data.
  { ...fixedGet('/api/docs', everyone(200)), anonymous: 200 },
  // The swagger UI sends its old static page to /api/docs.
  { ...fixedGet('/api/docs/static/index.html', everyone(302)), anonymous: 302 },
  { ...fixedGet('/api/docs/static/swagger-initializer.js', everyone(200)), anonymous: 200 },
  { ...fixedGet('/api/docs/static/*', everyone(200), '/api/docs/static/swagger-ui.css'), anonymous: 200 },
  { ...fixedGet('/api/docs/json', everyone(200)), anonymous: 200 },
  { ...fixedGet('/api/docs/yaml', everyone(200)), anonymous: 200 },

  // ── auth ── (in: the role's own password; out: a wrong one)
  {
    method: 'POST',
    route: '/api/auth/login',
    request: (fx, side, role) =>
      json('/api/auth/login', {
        username: fx.users[role ?? 'admin'].username,
        password: side === 'in' ? 'test-password-1' : 'wrong-password-1',
      }),
    status: everyone([200, 401]),
    anonymous: 200,
    withoutCsrf: 200,
    auditedRefusal: true,
  },
  {
    method: 'POST',
    route: '/api/auth/logout',
    request: async (fx, _side, role) => ({ url: '/api/auth/logout', session: await fx.freshSession(role ?? 'admin') }),
    status: everyone(200),
  },
  fixedGet('/api/auth/me', everyone(200)),
  {
    // The home page: every role gets its own; of the matrix firms only the enterprise's own one shows (its reporting status).
    method: 'GET',
    route: '/api/workspace',
    request: () => ({ url: '/api/workspace' }),
    status: everyone(200),
    list: { present: firmsIn, sees: (role) => (role === 'enterprise' ? ['in'] : []) },
  },

  // ── users and audit: the admin only ──
  fixedGet('/api/users', only(['admin'], 200)),
  {
    method: 'POST',
    route: '/api/users',
    request: (fx) =>
      json('/api/users', {
        username: `matrix-new-${fx.unique()}`,
        displayName: '矩阵新用户',
        role: 'leader',
        password: 'matrix-password-1',
        scopes: [],
      }),
    status: only(['admin'], 201),
  },
  {
    method: 'POST',
    route: '/api/users/:id/password',
    request: async (fx) => json(`/api/users/${(await fx.freshUser()).id}/password`, { password: 'matrix-password-2' }),
    status: only(['admin'], 200),
  },
  {
    method: 'POST',
    route: '/api/users/:id/unlock',
    request: async (fx) => ({ url: `/api/users/${(await fx.freshUser()).id}/unlock` }),
    status: only(['admin'], 200),
  },
  {
    method: 'PUT',
    route: '/api/users/:id/stats-reviewer',
    // Granted only to a city-wide 市领导 account; a fresh leader each call, so the fixture's leader stays a plain reader.
    request: async (fx) => json(`/api/users/${(await fx.freshLeader()).id}/stats-reviewer`, { statsReviewer: true }),
    status: only(['admin'], 200),
  },
  fixedGet('/api/users/scope-options', only(['admin'], 200), '/api/users/scope-options?kind=park'),
  {
    method: 'PUT',
    route: '/api/users/:id',
    request: async (fx) =>
      json(`/api/users/${(await fx.freshUser()).id}`, {
        displayName: '矩阵改名',
        role: 'county',
        scopes: [{ kind: 'region', ref: '430421' }],
      }),
    status: only(['admin'], 200),
  },
  {
    method: 'PUT',
    route: '/api/users/:id/active',
    request: async (fx) => json(`/api/users/${(await fx.freshUser()).id}/active`, { active: false }),
    status: only(['admin'], 200),
  },
  fixedGet('/api/audit', only(['admin'], 200), '/api/audit?entity=user&from=2025-01-01'),

  // ── chains ── (the city's published plan: every role but 链长/链办 and 企业 sees every chain)
  {
    method: 'GET',
    route: '/api/chains',
    request: () => ({ url: '/api/chains?year=2025' }),
    status: everyone(200),
    list: {
      present: (body, fx) => SIDES.filter((side) => (body as { items: { code: string }[] }).items.some((c) => c.code === fx.chain[side])),
      sees: unfilteredSees(['admin', 'leader', 'department', 'park', 'county']),
    },
  },
  {
    method: 'POST',
    route: '/api/chains',
    request: (fx) => {
      const code = `N${fx.unique()}`;
      return json('/api/chains', { code, name: `矩阵新链${code}`, industryCode: 'E1', validFromYear: 2025 });
    },
    status: only(['admin'], 201),
  },
  {
    method: 'GET',
    route: '/api/chains/:code',
    request: (fx, side) => ({ url: `/api/chains/${fx.chain[side]}?year=2025` }),
    status: grid({ chain_chief: [200, OOS], chain_office: [200, OOS], enterprise: [200, OOS] }, 200),
    // The chain page's firm table shows only the firms the caller may see.
    list: { present: firmsIn, sees: (role, side) => (side === 'in' ? ['in'] : READS_ALL.includes(role) ? ['out'] : []) },
  },
  {
    method: 'PATCH',
    route: '/api/chains/:code',
    request: (fx, side) => json(`/api/chains/${fx.chain[side]}`, { office: '矩阵链办' }),
    status: chainEdit(200),
  },
  {
    method: 'DELETE',
    route: '/api/chains/:code',
    request: async (fx) => ({ url: `/api/chains/${await fx.freshChain()}` }),
    status: only(['admin'], 200),
  },
  {
    method: 'PUT',
    route: '/api/chains/:code/targets/:year',
    request: (fx, side) => json(`/api/chains/${fx.chain[side]}/targets/2029`, { outputTargetYuan: 5_000_000, growthTarget: 0.1 }),
    status: chainEdit(200),
  },
  {
    method: 'DELETE',
    route: '/api/chains/:code/targets/:year',
    request: async (fx, side) => ({ url: `/api/chains/${fx.chain[side]}/targets/${await fx.freshTarget(side)}` }),
    status: chainEdit(200),
  },
  {
    method: 'POST',
    route: '/api/chains/:code/nodes',
    request: (fx, side) => json(`/api/chains/${fx.chain[side]}/nodes`, { key: `m${fx.unique()}`, name: '矩阵新环节', stage: 'downstream' }),
    status: chainEdit(201),
  },
  {
    method: 'PATCH',
    route: '/api/chains/:code/nodes/:key',
    request: async (fx, side) => json(`/api/chains/${fx.chain[side]}/nodes/${await fx.freshNode(side)}`, { name: '矩阵改名环节' }),
    status: chainEdit(200),
  },
  {
    method: 'DELETE',
    route: '/api/chains/:code/nodes/:key',
    request: async (fx, side) => ({ url: `/api/chains/${fx.chain[side]}/nodes/${await fx.freshNode(side)}` }),
    status: chainEdit(200),
  },
  {
    method: 'POST',
    route: '/api/chains/:code/edges',
    request: async (fx, side) =>
      json(`/api/chains/${fx.chain[side]}/edges`, { from: await fx.freshNode(side), to: await fx.freshNode(side) }),
    status: chainEdit(201),
  },
  {
    method: 'DELETE',
    route: '/api/chains/:code/edges/:from/:to',
    request: async (fx, side) => {
      const edge = await fx.freshEdge(side);
      return { url: `/api/chains/${fx.chain[side]}/edges/${edge.from}/${edge.to}` };
    },
    status: chainEdit(200),
  },

  // ── industries, parks, regions: master data everybody reads, the admin changes ──
  fixedGet('/api/industries', everyone(200)),
  {
    method: 'POST',
    route: '/api/industries',
    request: (fx) => json('/api/industries', { code: `Y${fx.unique()}`, group: '四新', name: `矩阵新产业${fx.unique()}` }),
    status: only(['admin'], 201),
  },
  ...adminEditRows(
    '/api/industries/:code',
    (fx) => fx.freshIndustry(),
    (fx) => ({ name: `矩阵改名产业${fx.unique()}` }),
  ),
  {
    method: 'GET',
    route: '/api/parks',
    request: (fx, side) => ({ url: `/api/parks?pageSize=100&q=${encodeURIComponent(side === 'in' ? '' : fx.park.out.shortName)}` }),
    status: everyone(200),
    list: {
      present: (body, fx) => SIDES.filter((side) => (body as { items: { id: number }[] }).items.some((p) => p.id === fx.park[side].id)),
      sees: (_role, side) => (side === 'in' ? ['in', 'out'] : ['out']),
    },
  },
  {
    method: 'POST',
    route: '/api/parks',
    request: (fx) => {
      const name = fx.unique();
      return json('/api/parks', { name: `矩阵新园区${name}`, shortName: `矩阵新${name}`, level: 'provincial', regionCode: fx.region.out });
    },
    status: only(['admin'], 201),
  },
  { method: 'GET', route: '/api/parks/:id', request: (fx, side) => ({ url: `/api/parks/${fx.park[side].id}` }), status: everyone(200) },
  ...adminEditRows(
    '/api/parks/:id',
    (fx) => fx.freshPark(),
    () => ({ areaHectares: 120 }),
  ),
  fixedGet('/api/regions', everyone(200)),
  {
    method: 'POST',
    route: '/api/regions',
    request: (fx) => {
      const code = String(438000 + Number(fx.unique()));
      return json('/api/regions', { code, name: `矩阵新区${code}`, shortName: `新${code}`, kind: 'zone' });
    },
    status: only(['admin'], 201),
  },
  ...adminEditRows(
    '/api/regions/:code',
    (fx) => fx.freshRegion(),
    (fx) => ({ name: `矩阵改名区${fx.unique()}` }),
  ),

  // ── enterprises ── (out-of-scope firms already answer 404, exactly like unknown USCCs)
  {
    method: 'GET',
    route: '/api/enterprises',
    request: (fx, side) => ({ url: `/api/enterprises?pageSize=100${side === 'out' ? `&chain=${fx.chain.out}` : ''}` }),
    status: everyone(200),
    list: { present: firmsIn, sees: scopedSees },
  },
  fixedGet('/api/enterprises/options', everyone(200)),
  fixedGet('/api/enterprises/import/template', only(['admin'], 200)),
  {
    method: 'POST',
    route: '/api/enterprises/import',
    request: (fx, side) => enterpriseCsv(fx, side),
    status: only(['admin'], 200),
    dryRun: true,
    // A dry run answers 200 with the file's errors listed: the file must have none.
    answer: (body) => {
      const errors = (body as { errors?: unknown[] }).errors;
      return Array.isArray(errors) && errors.length === 0 ? null : `the file is not valid: ${JSON.stringify(errors).slice(0, 200)}`;
    },
  },
  {
    method: 'GET',
    route: '/api/enterprises/:uscc',
    request: (fx, side) => ({ url: `/api/enterprises/${fx.firm[side].uscc}` }),
    status: grid({ admin: 200, leader: 200, department: 200 }, [200, 404]),
  },
  {
    method: 'POST',
    route: '/api/enterprises',
    request: (fx, side) =>
      json('/api/enterprises', {
        ...editBodyOf(fx.firm[side], { name: `矩阵新建企业${fx.unique()}有限公司` }),
        uscc: nextUscc(fx.region[side]),
      }),
    status: only(['admin'], 201),
  },
  {
    method: 'PUT',
    route: '/api/enterprises/:uscc',
    request: (fx, side) => json(`/api/enterprises/${fx.firm[side].uscc}`, editBodyOf(fx.firm[side])),
    status: grid({ admin: 200, chain_chief: [200, 404], chain_office: [200, 404], park: [200, 404], county: [200, 404] }),
    probes: [
      {
        name: 'changing official designations (上市 flag, 规上 years) of a firm in scope',
        request: async (fx, side) => {
          const firm = await fx.freshFirm(side);
          return json(`/api/enterprises/${firm.uscc}`, {
            ...editBodyOf(firm, { isListed: true, aboveScaleYears: [2025] }),
            effectiveFromYear: 2024,
          });
        },
        status: grid({
          admin: 200,
          chain_chief: [SCOPED_DESIGNATION_CHANGE_STATUS, 404],
          chain_office: [SCOPED_DESIGNATION_CHANGE_STATUS, 404],
          park: [SCOPED_DESIGNATION_CHANGE_STATUS, 404],
          county: [SCOPED_DESIGNATION_CHANGE_STATUS, 404],
        }),
      },
      {
        // 链长/链办 never touch another chain's memberships (refused today); parks and counties do not run chains.
        name: 'adding a membership of a chain the caller does not run',
        request: async (fx, side) => {
          const firm = await fx.freshFirm(side);
          const other = side === 'in' ? 'out' : 'in';
          const memberships = [...editBodyOf(firm).memberships, { chainCode: fx.chain[other], nodeKey: fx.node[other], isPrimary: false }];
          return json(`/api/enterprises/${firm.uscc}`, editBodyOf(firm, { memberships }));
        },
        status: grid({
          admin: 200,
          chain_chief: [403, 404],
          chain_office: [403, 404],
          park: [SCOPED_DESIGNATION_CHANGE_STATUS, 404],
          county: [SCOPED_DESIGNATION_CHANGE_STATUS, 404],
        }),
      },
      {
        // A county moving its firm away takes it out of its scope (refused today); the others keep seeing it.
        name: 'moving a firm to another county',
        request: async (fx, side) => {
          const firm = await fx.freshFirm(side);
          return json(`/api/enterprises/${firm.uscc}`, editBodyOf(firm, { regionCode: fx.region[side === 'in' ? 'out' : 'in'] }));
        },
        status: grid({
          admin: 200,
          chain_chief: [SCOPED_DESIGNATION_CHANGE_STATUS, 404],
          chain_office: [SCOPED_DESIGNATION_CHANGE_STATUS, 404],
          park: [SCOPED_DESIGNATION_CHANGE_STATUS, 404],
          county: [403, 404],
        }),
      },
    ],
  },
  {
    method: 'DELETE',
    route: '/api/enterprises/:uscc',
    request: async (fx, side) => ({ url: `/api/enterprises/${(await fx.freshFirm(side)).uscc}` }),
    status: only(['admin'], 200),
  },

  // ── figures ── (import and hand entry: the admin, 链办 in its chains, a firm for itself)
  fixedGet('/api/figures/template', only(['admin', 'chain_office'], 200), '/api/figures/template?format=csv'),
  {
    method: 'POST',
    route: '/api/figures/import',
    // A dry run of one row of the side's firm; a 链办's row of a firm outside its chains is a row error (400).
    request: (fx, side) =>
      multipartRequest('/api/figures/import?dryRun=true', 'figures.csv', [
        ['统一社会信用代码', '期别', '工业总产值(当月,元)'],
        [fx.firm[side].uscc, '2025-07', String(MONTHLY_OUTPUT[side])],
      ]),
    status: grid({ admin: 200, chain_office: [200, 400] }),
    dryRun: true,
  },
  {
    method: 'GET',
    route: '/api/figures/:uscc',
    request: (fx, side) => ({ url: `/api/figures/${fx.firm[side].uscc}?year=2025` }),
    status: firmFiguresRead,
  },
  {
    method: 'GET',
    route: '/api/figures/:uscc/:period/revisions',
    request: (fx, side) => ({ url: `/api/figures/${fx.firm[side].uscc}/2025-03/revisions` }),
    status: firmFiguresRead,
  },
  {
    method: 'PUT',
    route: '/api/figures/:uscc/:period',
    request: (fx, side) =>
      // A new value every call, so every accepted entry is a change (written and audited).
      json(`/api/figures/${fx.firm[side].uscc}/2025-07`, {
        unit: '元',
        values: { grossOutput: MONTHLY_OUTPUT[side] + Number(fx.unique()) },
        acceptWarnings: true,
      }),
    status: grid({ admin: 200, chain_office: [200, OOS], enterprise: [200, OOS] }),
  },

  {
    method: 'GET',
    route: '/api/figures/:uscc/derived',
    request: (fx, side) => ({ url: `/api/figures/${fx.firm[side].uscc}/derived` }),
    status: firmFiguresRead,
  },
  {
    method: 'POST',
    route: '/api/figures/:uscc/rederive',
    request: (fx, side) => ({ url: `/api/figures/${fx.firm[side].uscc}/rederive` }),
    status: grid({ admin: 200, chain_office: [200, OOS], enterprise: [200, OOS] }),
    // The fixture has no derived months, so an accepted call re-derives nothing and writes nothing.
    dryRun: true,
  },

  // ── review and publication ── (months move by the admin or a statistics reviewer; the fixture's leader is not one)
  fixedGet('/api/periods', grid({ enterprise: 403 }, 200), '/api/periods?year=2025'),
  fixedGet('/api/periods/:period', only(['admin', 'chain_office'], 200), `/api/periods/${MATRIX_PERIOD}`),
  fixedGet('/api/periods/:period/missing', only(['admin', 'chain_office'], 200), `/api/periods/${MATRIX_PERIOD}/missing`),
  emptyMonthMove('/api/periods/:period/review', PERIOD_NO_DATA),
  emptyMonthMove('/api/periods/:period/collecting', PERIOD_NOT_IN_REVIEW),
  emptyMonthMove('/api/periods/:period/publish', PERIOD_NO_DATA),
  emptyMonthMove('/api/periods/:period/reopen', PERIOD_NOT_PUBLISHED, { reason: '矩阵测试：未发布的月份' }),
  {
    method: 'GET',
    route: '/api/warnings/disposition',
    request: (fx, side) => ({ url: `/api/warnings/disposition?period=${MATRIX_PERIOD}&uscc=${fx.firm[side].uscc}&kind=unit_slip` }),
    status: grid({ admin: 200, leader: 200, department: 200, enterprise: 403 }, [200, OOS]),
  },
  {
    method: 'PUT',
    route: '/api/warnings/disposition',
    request: (fx, side) =>
      json('/api/warnings/disposition', {
        period: MATRIX_PERIOD,
        uscc: fx.firm[side].uscc,
        kind: 'unit_slip',
        status: 'confirmed',
        note: '矩阵测试：企业书面确认属实',
      }),
    status: grid({ admin: 200, chain_office: [200, OOS] }),
  },

  // ── monitoring and warnings ── (every role but 企业; figures of the caller's firms only)
  {
    method: 'GET',
    route: '/api/monitoring/chains',
    request: () => ({ url: `/api/monitoring/chains?${stats}` }),
    status: only(MONITORING, 200),
    list: { present: partsWithOutput('chains', 'chain'), sees: unfilteredSees(READS_ALL) },
  },
  {
    method: 'GET',
    route: '/api/monitoring/breakdown',
    // out: narrowed to the other side's chain, which a chain user may not ask for.
    request: (fx, side) => ({ url: `/api/monitoring/breakdown?${stats}&by=region${side === 'out' ? `&chain=${fx.chain.out}` : ''}` }),
    status: grid({ admin: 200, leader: 200, department: 200, park: 200, county: 200, chain_chief: [200, 403], chain_office: [200, 403] }),
    list: { present: partsWithOutput('rows', 'region'), sees: scopedSees },
    probes: [otherPlaceProbe('/api/monitoring/breakdown', `${stats}&by=chain`)],
  },
  {
    method: 'GET',
    route: '/api/monitoring/enterprises',
    request: (fx, side) => ({ url: `/api/monitoring/enterprises?${stats}&pageSize=100${side === 'out' ? `&chain=${fx.chain.out}` : ''}` }),
    status: grid({ admin: 200, leader: 200, department: 200, park: 200, county: 200, chain_chief: [200, 403], chain_office: [200, 403] }),
    list: { present: firmsIn, sees: scopedSees },
    probes: [otherPlaceProbe('/api/monitoring/enterprises', stats)],
  },
  {
    method: 'GET',
    route: '/api/monitoring/trend',
    request: () => ({ url: `/api/monitoring/trend?period=${MATRIX_PERIOD}&months=2` }),
    status: only(MONITORING, 200),
    // The last month's total tells whose figures it adds: firm A's, firm B's or both.
    list: {
      present: (body) => {
        const points = (body as { points: { output: number | null }[] }).points;
        const output = points.at(-1)?.output ?? 0;
        const sides: Side[] = [];
        if (output === MONTHLY_OUTPUT.in || output === MONTHLY_OUTPUT.in + MONTHLY_OUTPUT.out) sides.push('in');
        if (output === MONTHLY_OUTPUT.out || output === MONTHLY_OUTPUT.in + MONTHLY_OUTPUT.out) sides.push('out');
        return sides;
      },
      sees: unfilteredSees(READS_ALL),
    },
  },
  {
    method: 'GET',
    route: '/api/warnings',
    // Both firms' revenue (a tenth of output) annualises under 2000万元: each is a 退规 risk.
    request: (fx, side) => ({ url: `/api/warnings?period=${MATRIX_PERIOD}&pageSize=100${side === 'out' ? `&chain=${fx.chain.out}` : ''}` }),
    status: grid({ admin: 200, leader: 200, department: 200, park: 200, county: 200, chain_chief: [200, 403], chain_office: [200, 403] }),
    list: { present: firmsIn, sees: scopedSees },
    probes: [otherPlaceProbe('/api/warnings', `period=${MATRIX_PERIOD}`)],
  },
  fixedGet('/api/warnings/settings', only(MONITORING, 200)),
  {
    method: 'PUT',
    route: '/api/warnings/settings',
    request: () => json('/api/warnings/settings', DEFAULT_WARNING_SETTINGS),
    status: only(['admin'], 200),
  },
  ...ticketMatrixRows(),
  // ── projects and investors (authz-matrix.projects.ts) ──
  ...projectMatrixRows(),
  // ── supervision tasks and the chains' agenda (authz-matrix.supervision.ts) ──
  ...supervisionMatrixRows(),
  // ── attachments and the calendar's entered years (authz-matrix.attachments.ts) ──
  ...attachmentMatrixRows(),
  // ── assessment (authz-matrix.assessment.ts) ──
  ...assessmentMatrixRows(),
  ...chainMapMatrixRows(),
  ...prospectMatrixRows(),
  ...briefMatrixRows(),
  ...jobMatrixRows(),
];

/**
 * The registered routes (`METHOD /url`) without a row, each as the message the suite fails with. HEAD
 * routes Fastify adds for a GET are answered by that GET's handler and policy, so they need none.
 */
export function routesWithoutRow(
  registered: readonly { method: string; url: string }[],
  rows: readonly Pick<MatrixRow, 'method' | 'route'>[],
): string[] {
  const covered = new Set(rows.map((r) => `${r.method} ${r.route}`));
  return registered
    .filter((r) => r.method !== 'HEAD' || !registered.some((g) => g.method === 'GET' && g.url === r.url))
    .map((r) => `${r.method} ${r.url}`)
    .filter((route) => !covered.has(route))
    .map((route) => `route ${route} has no row in the authorisation matrix (server/test/authz-matrix.ts)`);
}
