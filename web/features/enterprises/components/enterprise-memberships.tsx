import { Card, Tag } from 'antd';
import type { EnterpriseDetailResponse, EnterpriseMembership } from '../../../../shared/contracts/enterprises';
import { DataTable } from '../../../components/data-table';
import { useT } from '../../../lib/i18n';
import { membershipYearsText } from '../utils/enterprise-text';

/** 产业链环节: the chain nodes the firm sits in (earlier ones too, each with its years), its primary one marked, with Excel export. */
export function EnterpriseMemberships({ enterprise }: { enterprise: EnterpriseDetailResponse }) {
  const t = useT();
  const primary = t('enterprises.membership.primary');
  return (
    <Card title={t('enterprises.detail.memberships')}>
      <DataTable<EnterpriseMembership>
        rows={enterprise.memberships}
        columns={[
          { key: 'chain', title: t('enterprises.membership.chain'), excelWidth: 26, excel: (m) => `${m.chainCode} ${m.chainName}` },
          { key: 'node', title: t('enterprises.membership.node'), excelWidth: 26, excel: (m) => `${m.nodeName} (${m.nodeKey})` },
          { key: 'stage', title: t('enterprises.membership.stage'), excelWidth: 10, excel: (m) => t(`enterprises.stage.${m.stage}`) },
          {
            key: 'primary',
            title: primary,
            excelWidth: 10,
            excel: (m) => (m.isPrimary ? primary : ''),
            render: (_, m) => (m.isPrimary ? <Tag color="geekblue">{primary}</Tag> : null),
          },
          { key: 'years', title: t('enterprises.membership.years'), excelWidth: 14, excel: (m) => membershipYearsText(t, m) },
        ]}
        rowKey={(m) => `${m.nodeId}-${m.validFromYear ?? 'all'}`}
        testId="enterprise-memberships"
        exportName={[enterprise.name, t('enterprises.detail.memberships')]}
        empty={t('enterprises.detail.noMemberships')}
        tableProps={{ size: 'small' }}
      />
    </Card>
  );
}
