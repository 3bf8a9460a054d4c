import { describe, expect, it } from 'vitest';
import type { AuditItem } from '../../../shared/contracts/audit';
import { translate } from '../../../shared/i18n';
import type { Translate } from '../../lib/i18n';
import { auditActionLabel, auditEntityLabel, auditObjectHref, auditObjectName } from './audit-labels';

const zh: Translate = (key, params) => translate('zh-CN', key, params);
const item = (over: Partial<AuditItem>): AuditItem => ({
  id: 1,
  at: '2025-03-01T00:00:00.000Z',
  actorName: 'admin',
  action: 'create',
  entity: 'user',
  entityId: null,
  before: null,
  after: null,
  ...over,
});

describe('the 操作日志 in words', () => {
  it('labels codes, and shows an unknown code as it is', () => {
    expect(auditActionLabel(zh, 'create')).toBe('创建');
    expect(auditActionLabel(zh, 'period_publish')).toBe('发布月份');
    expect(auditEntityLabel(zh, 'park')).toBe('园区');
    expect(auditActionLabel(zh, 'some_future_code')).toBe('some_future_code');
  });

  it('names the object from what the log kept: a username, a park short name, else the id', () => {
    expect(auditObjectName(item({ entityId: 'u1', after: { username: 'county-1', displayName: '县' } }))).toBe('county-1');
    expect(
      auditObjectName(item({ entity: 'park', entityId: '7', before: { name: '衡阳高新技术产业开发区', shortName: '衡阳高新区' } })),
    ).toBe('衡阳高新区');
    expect(auditObjectName(item({ entity: 'ticket', entityId: '12' }))).toBe('12');
  });

  it('links to the object’s page where it has one', () => {
    expect(auditObjectHref(item({ entity: 'park', entityId: '7' }))).toBe('/parks/7');
    expect(auditObjectHref(item({ entity: 'chain_node', entityId: 'CH02:xfmr' }))).toBe('/chains/CH02');
    expect(auditObjectHref(item({ entity: 'monthly_figure', entityId: '91430400MA4L000011:2025-02' }))).toBe('/figures/91430400MA4L000011');
    expect(auditObjectHref(item({ entity: 'session', entityId: 'u1' }))).toBeNull();
    expect(auditObjectHref(item({ entity: 'park', entityId: null }))).toBeNull();
    expect(auditObjectHref(item({ entity: 'ticket', entityId: '12' }))).toBe('/problems/12');
    expect(auditObjectHref(item({ entity: 'project', entityId: 'x1' }))).toBeNull();
    expect(auditObjectHref(item({ entity: 'region', entityId: '430421' }))).toBe('/regions');
    expect(auditObjectHref(item({ entity: 'period', entityId: '2025-03' }))).toBe('/periods?period=2025-03');
  });
});
