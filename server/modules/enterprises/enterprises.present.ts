// Database rows → the shapes of shared/contracts/enterprises.ts.
import type { EnterpriseListItem, EnterpriseProfile, MonthlyFigureItem } from '../../../shared/contracts/enterprises.js';
import type { EnterpriseScopeFacts } from './enterprises.policy.js';
import type { EnterpriseListRow, EnterpriseProfileRow, MembershipRow, MonthlyFigureRow } from './enterprises.queries.js';

export function presentListItem(row: EnterpriseListRow): EnterpriseListItem {
  return {
    uscc: row.uscc,
    name: row.name,
    regionCode: row.regionCode,
    parkName: row.parkName,
    chainCodes: row.chainCodes,
    aboveScaleYears: row.aboveScaleYears,
    regionName: row.regionName,
    parkId: row.parkId,
    parkShortName: row.parkShortName,
    isChainMaster: row.isChainMaster,
    isSpecialized: row.isSpecialized,
    isHighTech: row.isHighTech,
    isListed: row.isListed,
  };
}

export function presentProfile(row: EnterpriseProfileRow, memberships: MembershipRow[]): EnterpriseProfile {
  return {
    ...presentListItem(row),
    gbt4754Code: row.gbt4754Code,
    isDemo: row.isDemo,
    version: row.version,
    memberships: memberships.map((m) => ({
      nodeId: m.nodeId,
      chainCode: m.chainCode,
      chainName: m.chainName,
      nodeKey: m.nodeKey,
      nodeName: m.nodeName,
      stage: m.stage,
      isPrimary: m.isPrimary,
      validFromYear: m.validFromYear,
      validToYear: m.validToYear,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentFigure(row: MonthlyFigureRow): MonthlyFigureItem {
  return {
    period: row.period,
    grossOutput: row.grossOutput,
    revenue: row.revenue,
    profit: row.profit,
    taxes: row.taxes,
    electricityKwh: row.electricityKwh,
    employees: row.employees,
    source: row.source,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the scope rules look at (see enterprises.policy.ts). */
export function scopeFactsOf(row: EnterpriseListRow): EnterpriseScopeFacts {
  return {
    uscc: row.uscc,
    regionCode: row.regionCode,
    park: row.parkId === null ? null : { id: row.parkId, shortName: row.parkShortName ?? '', name: row.parkName ?? '' },
    chainCodes: row.chainCodes,
  };
}
