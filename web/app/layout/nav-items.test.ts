import { describe, expect, it } from 'vitest';
import { APP_MODULES, type AppModule } from '../../../shared/modules';
import { navEntriesOf, selectedNavKey, type NavEntry } from './nav-items';

/** The menu as one line a person can read: modules by name, a group as `group(a, b)`. */
function menuOf(entries: NavEntry[]): string[] {
  return entries.map((e) => (e.kind === 'home' ? 'home' : e.kind === 'module' ? e.module : `${e.group}(${e.modules.join(', ')})`));
}

/** Every module but 报表 and the brief templates: what a build without those two would offer. */
const BUILT: readonly AppModule[] = APP_MODULES.filter((m) => m !== 'reports' && m !== 'briefTemplates');

describe('the menu from the access table', () => {
  it('gives the enterprise only what it may open: its figures, its problems and the reference lists', () => {
    expect(menuOf(navEntriesOf({ role: 'enterprise', statsReviewer: false }, BUILT))).toEqual([
      'home',
      'chains',
      'enterprises',
      'figures',
      'parks',
      'regions',
      'industries',
      'problems',
    ]);
  });

  it('gives the admin every built module, 系统管理 as a group at the end', () => {
    expect(menuOf(navEntriesOf({ role: 'admin', statsReviewer: false }, BUILT))).toEqual([
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
    expect(menuOf(navEntriesOf({ role: 'county', statsReviewer: false }, BUILT))).toContain('supervision(assessment)');
    expect(menuOf(navEntriesOf({ role: 'department', statsReviewer: false }, BUILT))).toContain('supervision(supervision)');
  });

  it('opens 数据审核/发布 to a leader only with the 统计审核员 flag', () => {
    expect(menuOf(navEntriesOf({ role: 'leader', statsReviewer: false }, BUILT))).not.toContain('periods');
    expect(menuOf(navEntriesOf({ role: 'leader', statsReviewer: true }, BUILT))).toContain('periods');
  });

  it('leaves out a module not built', () => {
    expect(menuOf(navEntriesOf({ role: 'leader', statsReviewer: false }, [...BUILT, 'reports']))).toContain('reports');
    expect(menuOf(navEntriesOf({ role: 'leader', statsReviewer: false }, BUILT))).not.toContain('reports');
  });
});

describe('the highlighted menu item', () => {
  it('is the longest module path the address starts with', () => {
    expect(selectedNavKey('/supervision/assessment/runs/3')).toBe('/supervision/assessment');
    expect(selectedNavKey('/supervision/tasks/3')).toBe('/supervision');
    expect(selectedNavKey('/investment/list')).toBe('/investment');
    expect(selectedNavKey('/')).toBe('/');
    expect(selectedNavKey('/nowhere')).toBe('/');
  });
});
