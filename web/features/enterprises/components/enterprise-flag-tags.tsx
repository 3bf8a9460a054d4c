import { Space, Tag } from 'antd';
import type { EnterpriseFlag, EnterpriseListItem } from '../../../../shared/contracts/enterprises';
import { useT } from '../../../lib/i18n';
import { flagsOf } from '../utils/enterprise-text';

const COLORS: Record<EnterpriseFlag, string> = { chainMaster: 'gold', specialized: 'purple', highTech: 'blue', listed: 'green' };

/** 链主 / 专精特新 / 高新技术企业 / 上市 as coloured tags. */
export function EnterpriseFlagTags({
  item,
}: {
  item: Pick<EnterpriseListItem, 'isChainMaster' | 'isSpecialized' | 'isHighTech' | 'isListed'>;
}) {
  const t = useT();
  return (
    <Space size={[0, 4]} wrap>
      {flagsOf(item).map((flag) => (
        <Tag key={flag} color={COLORS[flag]}>
          {t(`enterprises.flag.${flag}`)}
        </Tag>
      ))}
    </Space>
  );
}
