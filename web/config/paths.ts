/** A page's address with one optional query parameter (`/periods?period=2025-03`; the bare page when it is absent). */
function withParam(page: string, name: string, value: string | number | undefined): string {
  return value === undefined ? page : `${page}?${name}=${encodeURIComponent(value)}`;
}

/** Every route of the web app, once. Links and redirects use `getHref()`, the router uses `path`. */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  login: {
    path: '/login',
    /** The login page; after logging in the user returns to `redirectTo` (a path inside the app). */
    getHref: (redirectTo?: string | null) =>
      redirectTo && redirectTo !== '/' ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login',
  },
  chains: { path: '/chains', getHref: (industry?: string) => withParam('/chains', 'industry', industry) },
  chain: {
    path: '/chains/:code',
    /** A chain's page; `year` picks the 规上 year of its node statuses (this year when omitted). */
    getHref: (code: string, year?: number) => withParam(`/chains/${encodeURIComponent(code)}`, 'year', year),
  },
  /** 产业链健康指数: the chains ranked for a published month (the latest when omitted). */
  chainHealth: { path: '/chains/health', getHref: (period?: string) => withParam('/chains/health', 'period', period) },
  enterprises: { path: '/enterprises', getHref: () => '/enterprises' },
  enterpriseNew: { path: '/enterprises/new', getHref: () => '/enterprises/new' },
  enterpriseImport: { path: '/enterprises/import', getHref: () => '/enterprises/import' },
  enterprise: { path: '/enterprises/:uscc', getHref: (uscc: string) => `/enterprises/${encodeURIComponent(uscc)}` },
  enterpriseEdit: { path: '/enterprises/:uscc/edit', getHref: (uscc: string) => `/enterprises/${encodeURIComponent(uscc)}/edit` },
  monitoring: { path: '/monitoring', getHref: () => '/monitoring' },
  /** 预警 lists; `period` picks the month (the latest with figures when omitted). */
  warnings: {
    path: '/warnings',
    /** The list of a month, optionally opened on one kind (e.g. `unit_slip`). */
    getHref: (period?: string, kind?: string) => {
      const query = new URLSearchParams();
      if (period !== undefined) query.set('period', period);
      if (kind !== undefined) query.set('kind', kind);
      const search = query.toString();
      return search === '' ? '/warnings' : `/warnings?${search}`;
    },
  },
  figures: { path: '/figures', getHref: () => '/figures' },
  /** 数据审核/发布 (data staff); `period` opens one month. */
  periods: { path: '/periods', getHref: (period?: string) => withParam('/periods', 'period', period) },
  /** One enterprise's monthly figures with entry/correction and revisions; `year` picks the year shown. */
  figuresOfEnterprise: {
    path: '/figures/:uscc',
    getHref: (uscc: string, year?: number) => withParam(`/figures/${encodeURIComponent(uscc)}`, 'year', year),
  },
  /** 招商引资: the pipeline board; the list and the 客商库 are its other tabs. */
  investment: { path: '/investment', getHref: () => '/investment' },
  investmentList: { path: '/investment/list', getHref: () => '/investment/list' },
  investors: { path: '/investment/investors', getHref: () => '/investment/investors' },
  /** A project's page (an enterprise account opens the one linked to it). */
  project: { path: '/investment/projects/:id', getHref: (id: number) => `/investment/projects/${id}` },
  /**
   * The new-lead form, opened from a chain node (发起招商线索): the list page with the dialog
   * prefilled with the chain and node.
   */
  newLead: {
    path: '/investment/list',
    getHref: (chain: string, node: string) =>
      `/investment/list?lead=new&leadChain=${encodeURIComponent(chain)}&leadNode=${encodeURIComponent(node)}`,
  },
  /** 重大项目: the yearly list with plan vs done; the KPI dashboard is its other tab. */
  projects: { path: '/projects', getHref: (year?: number) => withParam('/projects', 'year', year) },
  projectsKpi: { path: '/projects/kpi', getHref: (year?: number) => withParam('/projects/kpi', 'year', year) },
  parks: { path: '/parks', getHref: () => '/parks' },
  park: { path: '/parks/:id', getHref: (id: number) => `/parks/${id}` },
  regions: { path: '/regions', getHref: () => '/regions' },
  industries: { path: '/industries', getHref: () => '/industries' },
  problems: { path: '/problems', getHref: () => '/problems' },
  problemStats: { path: '/problems/stats', getHref: () => '/problems/stats' },
  problem: { path: '/problems/:id', getHref: (id: number) => `/problems/${id}` },
  /** A chain's meeting agenda (议题); `chain` picks the chain (the user's first when omitted). */
  problemAgenda: { path: '/problems/agenda', getHref: (chain?: string) => withParam('/problems/agenda', 'chain', chain) },
  supervision: { path: '/supervision', getHref: () => '/supervision' },
  /** 督办任务 under 督查考核. */
  supervisionTasks: { path: '/supervision/tasks', getHref: () => '/supervision/tasks' },
  supervisionTask: { path: '/supervision/tasks/:id', getHref: (id: number) => `/supervision/tasks/${id}` },
  /** 考核 under 督查考核: schemes and runs; a scheme version; a run's results. */
  assessment: { path: '/supervision/assessment', getHref: () => '/supervision/assessment' },
  assessmentScheme: { path: '/supervision/assessment/schemes/:id', getHref: (id: number) => `/supervision/assessment/schemes/${id}` },
  assessmentRun: { path: '/supervision/assessment/runs/:id', getHref: (id: number) => `/supervision/assessment/runs/${id}` },
  /** 月度简报: the briefs; one brief's page (preview, editing, workflow, downloads). */
  reports: { path: '/reports', getHref: () => '/reports' },
  report: { path: '/reports/:id', getHref: (id: number) => `/reports/${id}` },
  adminUsers: { path: '/admin/users', getHref: () => '/admin/users' },
  adminAudit: { path: '/admin/audit', getHref: () => '/admin/audit' },
  /** 工作日历: the years of public holidays and make-up days; entering a year the dataset lacks. */
  adminCalendar: { path: '/admin/calendar', getHref: () => '/admin/calendar' },
  /** 简报模板: the sentence templates of the monthly brief. */
  adminBriefTemplates: { path: '/admin/brief-templates', getHref: () => '/admin/brief-templates' },
} as const;

/**
 * The page to open after login: only a path inside this app (starting with one "/"), never another
 * site, so a crafted login link cannot send the user elsewhere.
 */
export function safeRedirectTarget(redirectTo: string | null): string {
  if (!redirectTo || !redirectTo.startsWith('/') || redirectTo.startsWith('//') || redirectTo.startsWith('/\\')) {
    return paths.home.getHref();
  }
  if (redirectTo === paths.login.path || redirectTo.startsWith(`${paths.login.path}?`)) return paths.home.getHref();
  return redirectTo;
}
