import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import {
  AlertOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  SnippetsOutlined,
  CarryOutOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  FormOutlined,
  GlobalOutlined,
  HomeOutlined,
  MessageOutlined,
  ProjectOutlined,
  RiseOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import type { MessageKey } from '../../../shared/i18n/index';
import { MODULE_ACCESS, modulesOf, type AppModule, type ModuleGroup, type ModuleUser } from '../../../shared/modules';
import { BUILT_MODULES } from '../../config/modules';
import { paths } from '../../config/paths';
import type { Translate } from '../../lib/i18n';

type MenuItems = NonNullable<MenuProps['items']>;

/** A module's menu item: its address, label and icon. */
type ModuleNav = { href: string; path: string; label: MessageKey; icon: ReactNode };

/** The menu item of a module whose page is `page`. */
const nav = (page: { path: string; getHref: () => string }, label: MessageKey, icon: ReactNode): ModuleNav => ({
  href: page.getHref(),
  path: page.path,
  label,
  icon,
});

const NAV: Record<AppModule, ModuleNav> = {
  monitoring: nav(paths.monitoring, 'nav.monitoring', <DashboardOutlined />),
  chains: nav(paths.chains, 'nav.chains', <ApartmentOutlined />),
  enterprises: nav(paths.enterprises, 'nav.enterprises', <BankOutlined />),
  warnings: nav(paths.warnings, 'nav.warnings', <AlertOutlined />),
  figures: nav(paths.figures, 'nav.figures', <FormOutlined />),
  periods: nav(paths.periods, 'nav.periods', <AuditOutlined />),
  investment: nav(paths.investment, 'nav.investment', <RiseOutlined />),
  projects: nav(paths.projects, 'nav.projects', <ProjectOutlined />),
  parks: nav(paths.parks, 'nav.parks', <EnvironmentOutlined />),
  regions: nav(paths.regions, 'nav.regions', <GlobalOutlined />),
  industries: nav(paths.industries, 'nav.industries', <AppstoreOutlined />),
  problems: nav(paths.problems, 'nav.problems', <MessageOutlined />),
  supervision: nav(paths.supervision, 'supervision.pageTitle', <CarryOutOutlined />),
  assessment: nav(paths.assessment, 'nav.assessment', <TrophyOutlined />),
  reports: nav(paths.reports, 'nav.reports', <FileTextOutlined />),
  users: nav(paths.adminUsers, 'nav.users', <TeamOutlined />),
  audit: nav(paths.adminAudit, 'nav.audit', <FileSearchOutlined />),
  calendar: nav(paths.adminCalendar, 'nav.calendar', <CalendarOutlined />),
  briefTemplates: nav(paths.adminBriefTemplates, 'nav.briefTemplates', <SnippetsOutlined />),
};

const GROUPS: Record<ModuleGroup, { label: MessageKey; icon: ReactNode }> = {
  supervision: { label: 'nav.supervision', icon: <FlagOutlined /> },
  admin: { label: 'nav.admin', icon: <SettingOutlined /> },
};

/** One entry of the menu: the start page, a module, or a group of modules. */
export type NavEntry =
  { kind: 'home' } | { kind: 'module'; module: AppModule } | { kind: 'group'; group: ModuleGroup; modules: AppModule[] };

/**
 * The menu of a user, from the access table (shared/modules.ts): the start page, then each built module
 * the user may open in table order; a group's modules sit under the group where its first one is, and a
 * group the user opens nothing of is left out. Modules not built have no item.
 */
export function navEntriesOf(user: ModuleUser, built: readonly AppModule[] = BUILT_MODULES): NavEntry[] {
  const entries: NavEntry[] = [{ kind: 'home' }];
  for (const module of modulesOf(user).filter((m) => built.includes(m))) {
    const group = MODULE_ACCESS[module].group;
    if (group === undefined) {
      entries.push({ kind: 'module', module });
      continue;
    }
    const existing = entries.find((e) => e.kind === 'group' && e.group === group);
    if (existing?.kind === 'group') existing.modules.push(module);
    else entries.push({ kind: 'group', group, modules: [module] });
  }
  return entries;
}

function moduleItem(module: AppModule, t: Translate) {
  const nav = NAV[module];
  return {
    key: nav.path,
    icon: nav.icon,
    label: (
      <Link to={nav.href} data-testid={`nav-${module}`}>
        {t(nav.label)}
      </Link>
    ),
  };
}

/** The side menu's antd items of a user (see {@link navEntriesOf}), each with its icon. */
export function buildNavItems(user: ModuleUser, t: Translate): MenuItems {
  return navEntriesOf(user).map((entry) => {
    if (entry.kind === 'home') {
      return {
        key: paths.home.path,
        icon: <HomeOutlined />,
        label: (
          <Link to={paths.home.getHref()} data-testid="nav-dashboard">
            {t('nav.dashboard')}
          </Link>
        ),
      };
    }
    if (entry.kind === 'module') return moduleItem(entry.module, t);
    const group = GROUPS[entry.group];
    return { key: `group-${entry.group}`, icon: group.icon, label: t(group.label), children: entry.modules.map((m) => moduleItem(m, t)) };
  });
}

/** The group a module's menu item sits in, by its key (the open submenu of the page shown). */
export function openGroupOf(selectedKey: string): string[] {
  const module = (Object.keys(NAV) as AppModule[]).find((m) => NAV[m].path === selectedKey); // keys of a Record over AppModule
  const group = module === undefined ? undefined : MODULE_ACCESS[module].group;
  return group === undefined ? [] : [`group-${group}`];
}

/** The menu entry to highlight for a location: the longest module path the location starts with. */
export function selectedNavKey(pathname: string): string {
  const matches = Object.values(NAV)
    .map((nav) => nav.path)
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`));
  return matches.sort((a, b) => b.length - a.length)[0] ?? paths.home.path;
}
