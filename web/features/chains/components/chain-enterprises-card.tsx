import { useState } from 'react';
import { Card, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { ChainDetail, ChainEnterprise } from '../../../../shared/contracts/chains';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { CodeName } from '../../../components/code-name';
import { paths } from '../../../config/paths';
import { useReferenceNames } from '../../../hooks/use-enterprise-options';
import { formatDateStamp } from '../../../lib/format';
import { useT } from '../../../lib/i18n';

type ExportKey = 'uscc' | 'name' | 'nodes' | 'primary' | 'chainMaster' | 'aboveScale' | 'region' | 'regionCode' | 'park';

/** 链上企业: the chain's firms the user may see, primary members and chain masters first. */
export function ChainEnterprisesCard({ chain }: { chain: ChainDetail }) {
  const t = useT();
  const names = useReferenceNames();
  const [filter, setFilter] = useState('');
  const nameOf = new Map(chain.nodes.map((n) => [n.key, n.name]));
  const separator = t('common.listSeparator');
  const yes = t('chains.yes');
  const no = t('chains.no');
  const needle = filter.trim().toLowerCase();
  const rows =
    needle === ''
      ? chain.enterprises
      : chain.enterprises.filter((e) => e.name.toLowerCase().includes(needle) || e.uscc.toLowerCase().includes(needle));
  const partial = chain.enterprises.length < chain.enterpriseCount;

  const columns: TableColumnsType<ChainEnterprise> = [
    {
      key: 'name',
      title: t('chains.enterprise.name'),
      render: (_, firm) => (
        <Space size={4} wrap>
          <Link to={paths.enterprise.getHref(firm.uscc)}>{firm.name}</Link>
          {firm.isChainMaster ? <Tag color="gold">{t('chains.enterprise.chainMaster')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'uscc', title: t('chains.enterprise.uscc'), dataIndex: 'uscc', width: 200 },
    {
      key: 'nodes',
      title: t('chains.enterprise.nodes'),
      render: (_, firm) => firm.nodeKeys.map((k) => nameOf.get(k) ?? k).join(separator),
    },
    {
      key: 'primary',
      title: t('chains.enterprise.primary'),
      width: 80,
      render: (_, firm) => (firm.primary ? <Tag color="geekblue">{yes}</Tag> : no),
    },
    {
      key: 'aboveScale',
      title: t('chains.enterprise.aboveScale', { year: chain.year }),
      width: 110,
      render: (_, firm) => (firm.aboveScale ? yes : no),
    },
    {
      key: 'region',
      title: t('chains.enterprise.region'),
      render: (_, firm) => <CodeName code={firm.regionCode} name={names.region(firm.regionCode)} />,
    },
    { key: 'park', title: t('chains.enterprise.park'), render: (_, firm) => firm.parkShortName ?? '—' },
  ];

  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'uscc', title: t('chains.enterprise.uscc'), width: 22 },
    { key: 'name', title: t('chains.enterprise.name'), width: 36 },
    { key: 'nodes', title: t('chains.enterprise.nodes'), width: 30 },
    { key: 'primary', title: t('chains.enterprise.primary'), width: 8 },
    { key: 'chainMaster', title: t('chains.enterprise.chainMaster'), width: 8 },
    { key: 'aboveScale', title: t('chains.enterprise.aboveScale', { year: chain.year }), width: 12 },
    { key: 'region', title: t('chains.enterprise.region'), width: 24 },
    { key: 'regionCode', title: t('enterprises.regionCode'), width: 10 },
    { key: 'park', title: t('chains.enterprise.park'), width: 20 },
  ];
  const exportRows = rows.map((firm): Record<ExportKey, ExcelCell> => ({
    uscc: firm.uscc,
    name: firm.name,
    nodes: firm.nodeKeys.map((k) => nameOf.get(k) ?? k).join(separator),
    primary: firm.primary ? yes : no,
    chainMaster: firm.isChainMaster ? yes : no,
    aboveScale: firm.aboveScale ? yes : no,
    region: names.region(firm.regionCode) ?? firm.regionCode,
    regionCode: firm.regionCode,
    park: firm.parkShortName,
  }));

  const emptyText =
    chain.enterpriseCount === 0
      ? t('chains.enterprise.empty')
      : chain.enterprises.length === 0
        ? t('chains.enterprise.emptyScoped', { total: chain.enterpriseCount })
        : t('chains.enterprise.noMatch');

  return (
    <Card
      title={t('chains.enterprises')}
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('chains.enterprise.searchPlaceholder')}
            style={{ width: 260 }}
            onSearch={setFilter}
            data-testid="chain-enterprises-search"
          />
          <ExportExcelButton
            fileName={`${chain.name}-${t('chains.enterprises')}-${formatDateStamp()}`}
            sheetName={t('chains.enterprises')}
            title={`${chain.name} ${t('chains.enterprises')}`}
            period={String(chain.year)}
            columns={exportColumns}
            rows={exportRows}
          />
        </Space>
      }
    >
      {partial && chain.enterprises.length > 0 ? (
        <Typography.Paragraph type="secondary">
          {t('chains.enterprise.scopeNote', { shown: chain.enterprises.length, total: chain.enterpriseCount })}
        </Typography.Paragraph>
      ) : null}
      <Table<ChainEnterprise>
        rowKey="uscc"
        size="small"
        data-testid="chain-enterprises"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { total }), hideOnSinglePage: true }}
        locale={{ emptyText }}
      />
    </Card>
  );
}
