import { Card, Table, Tag, type TableColumnsType } from 'antd';
import type { EnterpriseDetailResponse, EnterpriseMembership } from '../../../../shared/contracts/enterprises';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { formatDateStamp } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { membershipYearsText } from '../utils/enterprise-text';

type ExportKey = 'chain' | 'node' | 'stage' | 'primary' | 'years';

/** 产业链环节: the chain nodes the firm sits in (earlier ones too, each with its years), its primary one marked, with Excel export. */
export function EnterpriseMemberships({ enterprise }: { enterprise: EnterpriseDetailResponse }) {
  const t = useT();
  const columns: TableColumnsType<EnterpriseMembership> = [
    { key: 'chain', title: t('enterprises.membership.chain'), render: (_, m) => `${m.chainCode} ${m.chainName}` },
    { key: 'node', title: t('enterprises.membership.node'), render: (_, m) => `${m.nodeName} (${m.nodeKey})` },
    { key: 'stage', title: t('enterprises.membership.stage'), render: (_, m) => t(`enterprises.stage.${m.stage}`) },
    {
      key: 'primary',
      title: t('enterprises.membership.primary'),
      render: (_, m) => (m.isPrimary ? <Tag color="geekblue">{t('enterprises.membership.primary')}</Tag> : null),
    },
    { key: 'years', title: t('enterprises.membership.years'), render: (_, m) => membershipYearsText(t, m) },
  ];
  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'chain', title: t('enterprises.membership.chain'), width: 26 },
    { key: 'node', title: t('enterprises.membership.node'), width: 26 },
    { key: 'stage', title: t('enterprises.membership.stage'), width: 10 },
    { key: 'primary', title: t('enterprises.membership.primary'), width: 10 },
    { key: 'years', title: t('enterprises.membership.years'), width: 14 },
  ];
  const exportRows = enterprise.memberships.map((m): Record<ExportKey, ExcelCell> => ({
    chain: `${m.chainCode} ${m.chainName}`,
    node: `${m.nodeName} (${m.nodeKey})`,
    stage: t(`enterprises.stage.${m.stage}`),
    primary: m.isPrimary ? t('enterprises.membership.primary') : '',
    years: membershipYearsText(t, m),
  }));
  return (
    <Card
      title={t('enterprises.detail.memberships')}
      extra={
        <ExportExcelButton
          fileName={`${enterprise.name}-${t('enterprises.detail.memberships')}-${formatDateStamp()}`}
          sheetName={t('enterprises.detail.memberships')}
          columns={exportColumns}
          rows={exportRows}
        />
      }
    >
      <Table<EnterpriseMembership>
        rowKey={(m) => `${m.nodeId}-${m.validFromYear ?? 'all'}`}
        size="small"
        data-testid="enterprise-memberships"
        columns={columns}
        dataSource={enterprise.memberships}
        pagination={false}
        locale={{ emptyText: t('enterprises.detail.noMemberships') }}
      />
    </Card>
  );
}
