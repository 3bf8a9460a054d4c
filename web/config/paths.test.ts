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
