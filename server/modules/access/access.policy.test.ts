import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { canReadAll, canWriteInScope, dataScopeOf, isFirmInScope, isInScope, type FirmScopeFacts } from './access.policy.js';

function actor(role: Actor['role'], scopes: Actor['scopes'] = []): Actor {
  return { id: 'a', username: 'u', displayName: 'U', role, scopes, statsReviewer: false };
}

describe('data scope', () => {
  it('gives admin and leader the whole city, everyone else only their kind of scope', () => {
    expect(dataScopeOf(actor('admin'))).toEqual({ all: true });
    expect(dataScopeOf(actor('leader'))).toEqual({ all: true });
    expect(
      dataScopeOf(
        actor('chain_office', [
          { kind: 'chain', ref: 'CH02' },
          { kind: 'park', ref: 'P1' },
        ]),
      ),
    ).toEqual({
      all: false,
      kind: 'chain',
      refs: ['CH02'],
    });
    expect(dataScopeOf(actor('county', [{ kind: 'region', ref: '430421' }]))).toEqual({ all: false, kind: 'region', refs: ['430421'] });
  });

  it('lets a chain chief see and change only its chains', () => {
    const chief = actor('chain_chief', [{ kind: 'chain', ref: 'CH02' }]);
    expect(isInScope(chief, 'chain', 'CH02')).toBe(true);
    expect(isInScope(chief, 'chain', 'CH03')).toBe(false);
    expect(isInScope(chief, 'region', '430421')).toBe(false);
    expect(canWriteInScope(chief, 'chain', 'CH02')).toBe(true);
    expect(canWriteInScope(chief, 'chain', 'CH03')).toBe(false);
    expect(canReadAll(chief)).toBe(false);
  });

  it('lets the leader read everything but change nothing; the admin changes anything', () => {
    expect(isInScope(actor('leader'), 'park', 'any')).toBe(true);
    expect(canWriteInScope(actor('leader'), 'park', 'any')).toBe(false);
    expect(canWriteInScope(actor('admin'), 'enterprise', '91430400MA4L000000')).toBe(true);
  });

  it('limits an enterprise account to its own USCC', () => {
    const firm = actor('enterprise', [{ kind: 'enterprise', ref: '91430400AAAAAAAAAA' }]);
    expect(isInScope(firm, 'enterprise', '91430400AAAAAAAAAA')).toBe(true);
    expect(isInScope(firm, 'enterprise', '91430400BBBBBBBBBB')).toBe(false);
  });
});

describe('firms in scope', () => {
  const firm: FirmScopeFacts = {
    uscc: '91430400MA4L000038',
    regionCode: '430421',
    park: { id: 7, shortName: '衡阳高新区', name: '衡阳高新技术产业开发区' },
    chainCodes: ['CH02', 'CH04'],
  };
  const outsidePark: FirmScopeFacts = { ...firm, park: null };

  it('finds the firm by chain, region, park (id, short or full name) and its own USCC', () => {
    expect(isFirmInScope(actor('chain_office', [{ kind: 'chain', ref: 'CH04' }]), firm)).toBe(true);
    expect(isFirmInScope(actor('chain_office', [{ kind: 'chain', ref: 'CH03' }]), firm)).toBe(false);
    expect(isFirmInScope(actor('county', [{ kind: 'region', ref: '430421' }]), firm)).toBe(true);
    expect(isFirmInScope(actor('county', [{ kind: 'region', ref: '430482' }]), firm)).toBe(false);
    for (const ref of ['7', '衡阳高新区', '衡阳高新技术产业开发区'])
      expect(isFirmInScope(actor('park', [{ kind: 'park', ref }]), firm), ref).toBe(true);
    expect(isFirmInScope(actor('park', [{ kind: 'park', ref: '7' }]), outsidePark)).toBe(false);
    expect(isFirmInScope(actor('enterprise', [{ kind: 'enterprise', ref: firm.uscc }]), firm)).toBe(true);
    expect(isFirmInScope(actor('enterprise', [{ kind: 'enterprise', ref: '91430400MA4L00004X' }]), firm)).toBe(false);
  });

  it('gives admin, leader and departments every firm, and a scoped role without refs none', () => {
    expect(isFirmInScope(actor('admin'), firm)).toBe(true);
    expect(isFirmInScope(actor('leader'), firm)).toBe(true);
    expect(isFirmInScope(actor('department', [{ kind: 'department', ref: '市工信局' }]), firm)).toBe(true);
    expect(isFirmInScope(actor('chain_chief'), firm)).toBe(false);
  });
});
