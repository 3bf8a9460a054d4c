import { describe, expect, it } from 'vitest';
import { roleIn } from './roles.js';

describe('roleIn', () => {
  it('is true only for a known role on the list', () => {
    expect(roleIn(['admin', 'chain_office'], 'chain_office')).toBe(true);
    expect(roleIn(['admin', 'chain_office'], 'leader')).toBe(false);
    expect(roleIn([], 'admin')).toBe(false);
  });

  it('is false while the role is not known (signed out, still loading)', () => {
    expect(roleIn(['admin'], undefined)).toBe(false);
    expect(roleIn(['admin'], null)).toBe(false);
  });
});
