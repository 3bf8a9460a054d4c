import type { MenuProps } from 'antd';
import { Link } from 'react-router';
import type { Role } from '../../../shared/roles';
import { WORK_MODULES } from '../../config/modules';
import { paths } from '../../config/paths';
import type { Translate } from '../../lib/i18n';

type MenuItems = NonNullable<MenuProps['items']>;

function link(href: string, label: string, testId: string) {
  return (
    <Link to={href} data-testid={testId}>
      {label}
    </Link>
  );
}

/**
 * The side menu: the dashboard, the work modules, 数据审核/发布 for data staff (the admin, 链办 and
 * 统计审核员: `dataStaff`), and 系统管理 for the administrator only.
 */
export function buildNavItems(role: Role, t: Translate, dataStaff = false): MenuItems {
  const items: MenuItems = [
    { key: paths.home.path, label: link(paths.home.getHref(), t('nav.dashboard'), 'nav-dashboard') },
    ...WORK_MODULES.map((module) =>
      module === 'supervision'
        ? {
            // 督查考核: 督办任务 (/supervision opens the task list) and 考核 (the assessment).
            key: 'supervision-group',
            label: t('nav.supervision'),
            children: [
              { key: paths.supervision.path, label: link(paths.supervision.getHref(), t('supervision.pageTitle'), 'nav-supervision') },
              { key: paths.assessment.path, label: link(paths.assessment.getHref(), t('nav.assessment'), 'nav-assessment') },
            ],
          }
        : { key: paths[module].path, label: link(paths[module].getHref(), t(`nav.${module}`), `nav-${module}`) },
    ),
  ];
  if (dataStaff) items.splice(5, 0, { key: paths.periods.path, label: link(paths.periods.getHref(), t('nav.periods'), 'nav-periods') });
  if (role === 'admin') {
    items.push({
      key: 'admin',
      label: t('nav.admin'),
      children: [
        { key: paths.adminUsers.path, label: link(paths.adminUsers.getHref(), t('nav.users'), 'nav-users') },
        { key: paths.adminAudit.path, label: link(paths.adminAudit.getHref(), t('nav.audit'), 'nav-audit') },
        { key: paths.adminCalendar.path, label: link(paths.adminCalendar.getHref(), t('nav.calendar'), 'nav-calendar') },
        {
          key: paths.adminBriefTemplates.path,
          label: link(paths.adminBriefTemplates.getHref(), t('nav.briefTemplates'), 'nav-brief-templates'),
        },
      ],
    });
  }
  return items;
}

const MENU_PATHS: readonly string[] = [
  paths.assessment.path,
  ...WORK_MODULES.map((module) => paths[module].path),
  paths.periods.path,
  paths.adminUsers.path,
  paths.adminAudit.path,
  paths.adminCalendar.path,
  paths.adminBriefTemplates.path,
];

/** The menu entry to highlight for a location: the one whose path the location starts with. */
export function selectedNavKey(pathname: string): string {
  return MENU_PATHS.find((path) => pathname === path || pathname.startsWith(`${path}/`)) ?? paths.home.path;
}
