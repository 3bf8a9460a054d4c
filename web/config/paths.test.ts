import { describe, expect, it } from 'vitest';
import { paths, safeRedirectTarget } from './paths';

describe('login redirect', () => {
  it('remembers the page asked for', () => {
    expect(paths.login.getHref('/admin/users?page=2')).toBe('/login?redirectTo=%2Fadmin%2Fusers%3Fpage%3D2');
    expect(paths.login.getHref('/')).toBe('/login');
    expect(paths.login.getHref()).toBe('/login');
  });

  it('returns only to pages of this app', () => {
    expect(safeRedirectTarget('/chains?x=1')).toBe('/chains?x=1');
    expect(safeRedirectTarget(null)).toBe('/');
    expect(safeRedirectTarget('https://evil.example')).toBe('/');
    expect(safeRedirectTarget('//evil.example/path')).toBe('/');
    expect(safeRedirectTarget('/\\evil.example')).toBe('/');
    expect(safeRedirectTarget('/login?redirectTo=%2F')).toBe('/');
  });
});

describe('page addresses with an optional parameter', () => {
  it('add it, encoded, only when given', () => {
    expect(paths.chains.getHref()).toBe('/chains');
    expect(paths.chains.getHref('E 1')).toBe('/chains?industry=E%201');
    expect(paths.chain.getHref('CH02', 2024)).toBe('/chains/CH02?year=2024');
    expect(paths.chain.getHref('CH02')).toBe('/chains/CH02');
    expect(paths.projectsKpi.getHref(2025)).toBe('/projects/kpi?year=2025');
  });
});
