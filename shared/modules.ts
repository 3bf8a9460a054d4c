// Who may open which work module: one table drives the web app's menu, its routes' links and the
// role homes, and server/test/module-access.test.ts proves it against the API (each module's main
// list answers 200 to exactly these roles), so the menu never offers a page the policy refuses.
import { ASSESSMENT_READER_ROLES } from './contracts/assessment.js';
import { BRIEF_ROLES } from './contracts/briefs.js';
import { MONITORING_READER_ROLES } from './contracts/monitoring.js';
import { PROJECT_READER_ROLES } from './contracts/projects.js';
import { TASK_READER_ROLES } from './contracts/supervision.js';
import { ROLES, type Role } from './roles.js';

/** The menu groups that hold several modules (a module without a group is a top-level item). */
export const MODULE_GROUPS = ['supervision', 'admin'] as const;
export type ModuleGroup = (typeof MODULE_GROUPS)[number];

/**
 * Who opens a module: its roles, or a user with the 统计审核员 flag (`statsReviewer`) whatever the
 * role. `group` puts it under a menu group.
 */
export type ModuleAccess = {
  roles: readonly Role[];
  statsReviewer?: true;
  group?: ModuleGroup;
};

/** The work modules in menu order (the start page comes first and is open to everyone). */
export const APP_MODULES = [
  'monitoring',
  'chains',
  'enterprises',
  'warnings',
  'figures',
  'periods',
  'investment',
  'projects',
  'parks',
  'regions',
  'industries',
  'problems',
  'supervision',
  'assessment',
  'reports',
  'users',
  'audit',
  'calendar',
  'briefTemplates',
] as const;
export type AppModule = (typeof APP_MODULES)[number];

/**
 * The access table. The routes' policies use the same role lists: monitoring and 预警
 * `MONITORING_READER_ROLES`; 数据审核/发布 the data staff (`isDataStaffUser`: admin, 链办, 统计审核员); 招商引资 and 重大项目
 * `PROJECT_READER_ROLES`; 督办任务 `TASK_READER_ROLES` (not the 县市区); 考核 `ASSESSMENT_READER_ROLES` (not the 后盾单位);
 * 系统管理 the admin. Reference lists, 问题交办 and 数据填报 are open to every role (each row is scoped).
 */
export const MODULE_ACCESS: Record<AppModule, ModuleAccess> = {
  monitoring: { roles: MONITORING_READER_ROLES },
  chains: { roles: ROLES },
  enterprises: { roles: ROLES },
  warnings: { roles: MONITORING_READER_ROLES },
  figures: { roles: ROLES },
  periods: { roles: ['admin', 'chain_office'], statsReviewer: true },
  investment: { roles: PROJECT_READER_ROLES },
  projects: { roles: PROJECT_READER_ROLES },
  parks: { roles: ROLES },
  regions: { roles: ROLES },
  industries: { roles: ROLES },
  problems: { roles: ROLES },
  supervision: { roles: TASK_READER_ROLES, group: 'supervision' },
  assessment: { roles: ASSESSMENT_READER_ROLES, group: 'supervision' },
  reports: { roles: BRIEF_ROLES },
  users: { roles: ['admin'], group: 'admin' },
  audit: { roles: ['admin'], group: 'admin' },
  calendar: { roles: ['admin'], group: 'admin' },
  briefTemplates: { roles: ['admin'], group: 'admin' },
};

/** What the table needs to know of a user. */
export type ModuleUser = { role: Role; statsReviewer: boolean };

/** Whether the user may open the module (its main list answers 200). */
export function canOpenModule(user: ModuleUser, module: AppModule): boolean {
  const access = MODULE_ACCESS[module];
  return access.roles.includes(user.role) || (access.statsReviewer === true && user.statsReviewer);
}

/** The modules the user may open, in menu order. */
export function modulesOf(user: ModuleUser): AppModule[] {
  return APP_MODULES.filter((module) => canOpenModule(user, module));
}
