import {
  ENTERPRISE_FLAGS,
  type EnterpriseFlag,
  type EnterpriseListItem,
  type EnterpriseMembership,
} from '../../../../shared/contracts/enterprises';
import type { Translate } from '../../../lib/i18n';

/** The flags a firm carries, in the order of ENTERPRISE_FLAGS. */
export function flagsOf(item: Pick<EnterpriseListItem, 'isChainMaster' | 'isSpecialized' | 'isHighTech' | 'isListed'>): EnterpriseFlag[] {
  const has: Record<EnterpriseFlag, boolean> = {
    chainMaster: item.isChainMaster,
    specialized: item.isSpecialized,
    highTech: item.isHighTech,
    listed: item.isListed,
  };
  return ENTERPRISE_FLAGS.filter((flag) => has[flag]);
}

/** The flags as text for exports: "链主、专精特新". */
export function describeFlags(item: Parameters<typeof flagsOf>[0], t: Translate): string {
  return flagsOf(item)
    .map((flag) => t(`enterprises.flag.${flag}`))
    .join(t('common.listSeparator'));
}

/** The years a membership counts: "各年", "2025 年起", "至 2024 年" or "2023–2024 年". */
export function membershipYearsText(t: Translate, m: Pick<EnterpriseMembership, 'validFromYear' | 'validToYear'>): string {
  if (m.validFromYear === null && m.validToYear === null) return t('enterprises.membership.allYears');
  if (m.validToYear === null) return t('enterprises.membership.fromYear', { year: m.validFromYear ?? '' });
  if (m.validFromYear === null) return t('enterprises.membership.untilYear', { year: m.validToYear });
  return t('enterprises.membership.range', { from: m.validFromYear, to: m.validToYear });
}

/** Whether a membership still applies (not ended before `year`): the ones the edit form changes. */
export function isCurrentMembership(m: Pick<EnterpriseMembership, 'validToYear'>, year: number): boolean {
  return m.validToYear === null || m.validToYear >= year;
}
