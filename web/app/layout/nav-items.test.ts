import { describe, expect, it } from 'vitest';
import { APP_MODULES, type AppModule } from '../../../shared/modules';
import type { Role } from '../../../shared/roles';
import { navEntriesOf, selectedNavKey, type NavEntry } from './nav-items';

/** The menu as one line a person can read: modules by name, a group as `group(a, b)`. */
function menuOf(entries: NavEntry[]): string[] {
  return entries.map((e) => (e.kind === 'home' ? 'home' : e.kind === 'module' ? e.module : `${e.group}(${e.modules.join(', ')})`));
}

/** Every module but 报表 and the brief templates: what a build without those two would offer. */
const BUILT: readonly AppModule[] = APP_MODULES.filter((m) => m !== 'reports' && m !== 'briefTemplates');

/** The menu of a user of `role` (with the 统计审核员 flag or not) in a build of `built`. */
function menuFor(role: Role, statsReviewer = false, built = BUILT): string[] {
  return menuOf(navEntriesOf({ role, statsReviewer }, built));
}

describe('the menu from the access table', () => {
  it('gives the enterprise only what it may open: its figures, its problems and the reference lists', () => {
    expect(menuFor('enterprise')).toEqual(['home', 'chains', 'enterprises', 'figures', 'parks', 'regions', 'industries', 'problems']);
  });

  it('gives the admin every built module, 系统管理 as a group at the end', () => {
    expect(menuFor('admin')).toEqual([
      'home',
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
      'supervision(supervision, assessment)',
      'admin(users, audit, calendar)',
    ]);
  });

  it('puts only the group members a role may open under 督查考核', () => {
    expect(menuFor('county')).toContain('supervision(assessment)');
    expect(menuFor('department')).toContain('supervision(supervision)');
  });

  it('opens 数据审核/发布 to a leader only with the 统计审核员 flag', () => {
    expect(menuFor('leader')).not.toContain('periods');
    expect(menuFor('leader', true)).toContain('periods');
  });

  it('leaves out a module not built', () => {
    expect(menuFor('leader', false, [...BUILT, 'reports'])).toContain('reports');
    expect(menuFor('leader')).not.toContain('reports');
  });
});

describe('the highlighted menu item', () => {
  it.each([
    ['/supervision/assessment/runs/3', '/supervision/assessment'],
    ['/supervision/tasks/3', '/supervision'],
    ['/investment/list', '/investment'],
    ['/', '/'],
    ['/nowhere', '/'],
  ])('is the longest module path the address starts with: %s → %s', (address, key) => {
    expect(selectedNavKey(address)).toBe(key);
  });
});
