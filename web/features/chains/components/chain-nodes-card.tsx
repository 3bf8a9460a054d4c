import { useState } from 'react';
import { Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { RowActions } from '../../../components/row-actions';
import { formatDateStamp } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useDeleteChainNode } from '../api/delete-chain-node';
import type { VersionedChain, VersionedNode } from '../api/get-chain';
import { STATUS_TAG_COLORS } from '../utils/node-status';
import { NodeFormModal } from './node-form-modal';

type ExportKey = 'key' | 'name' | 'stage' | 'gbt4754' | 'enterprises' | 'aboveScale' | 'status';

/** 环节: the chain's nodes with firm counts and status; add, edit and delete for the chain's users. */
export function ChainNodesCard({ chain, reload }: { chain: VersionedChain; reload: () => Promise<VersionedChain | undefined> }) {
  const t = useT();
  const [editing, setEditing] = useState<VersionedNode | 'new' | null>(null);
  const remove = useDeleteChainNode();
  const separator = t('common.listSeparator');

  const columns: TableColumnsType<VersionedNode> = [
    { key: 'key', title: t('chains.node.key'), dataIndex: 'key', width: 110 },
    { key: 'name', title: t('chains.node.name'), dataIndex: 'name' },
    { key: 'stage', title: t('chains.node.stage'), width: 90, render: (_, node) => t(`chains.stage.${node.stage}`) },
    { key: 'gbt4754', title: t('chains.node.gbt4754'), render: (_, node) => node.gbt4754.join(separator) || '—' },
    { key: 'enterprises', title: t('chains.node.enterprises'), dataIndex: 'enterpriseCount', align: 'right', width: 90 },
    {
      key: 'aboveScale',
      title: `${t('chains.node.aboveScale')} (${chain.year})`,
      dataIndex: 'aboveScaleCount',
      align: 'right',
      width: 130,
    },
    {
      key: 'status',
      title: t('chains.node.status'),
      width: 90,
      render: (_, node) => <Tag color={STATUS_TAG_COLORS[node.status]}>{t(`chains.status.${node.status}`)}</Tag>,
    },
  ];
  if (chain.canEdit) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 160,
      render: (_, node) => (
        <RowActions
          editLabel={t('chains.edit')}
          onEdit={() => setEditing(node)}
          editTestId={`node-edit-${node.key}`}
          deleteLabel={t('chains.delete')}
          confirmTitle={t('chains.node.deleteConfirm', { name: node.name })}
          onDelete={() => remove.mutateAsync({ code: chain.code, key: node.key, version: node.version })}
          deletedMessage={t('chains.deleted')}
          blockedReason={node.enterpriseCount > 0 ? t('chains.node.deleteBlocked', { count: node.enterpriseCount }) : null}
          deleteTestId={`node-delete-${node.key}`}
        />
      ),
    });
  }

  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'key', title: t('chains.node.key'), width: 12 },
    { key: 'name', title: t('chains.node.name'), width: 24 },
    { key: 'stage', title: t('chains.node.stage'), width: 8 },
    { key: 'gbt4754', title: t('chains.node.gbt4754'), width: 20 },
    { key: 'enterprises', title: t('chains.node.enterprises'), width: 10 },
    { key: 'aboveScale', title: `${t('chains.node.aboveScale')} (${chain.year})`, width: 14 },
    { key: 'status', title: t('chains.node.status'), width: 8 },
  ];
  const exportRows = chain.nodes.map((node): Record<ExportKey, ExcelCell> => ({
    key: node.key,
    name: node.name,
    stage: t(`chains.stage.${node.stage}`),
    gbt4754: node.gbt4754.join(separator),
    enterprises: node.enterpriseCount,
    aboveScale: node.aboveScaleCount,
    status: t(`chains.status.${node.status}`),
  }));

  return (
    <Card
      title={t('chains.nodes')}
      extra={
        <Space>
          {chain.canEdit ? (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="node-create">
              {t('chains.node.create')}
            </Button>
          ) : null}
          <ExportExcelButton
            fileName={`${chain.name}-${t('chains.nodes')}-${formatDateStamp()}`}
            sheetName={t('chains.nodes')}
            columns={exportColumns}
            rows={exportRows}
          />
        </Space>
      }
    >
      <Table<VersionedNode>
        rowKey="key"
        size="small"
        data-testid="chain-nodes"
        columns={columns}
        dataSource={chain.nodes}
        pagination={false}
        locale={{ emptyText: chain.canEdit ? t('chains.node.empty') : t('chains.node.emptyReadOnly') }}
      />
      {editing ? (
        <NodeFormModal
          chainCode={chain.code}
          node={editing === 'new' ? null : editing}
          onReload={async () => {
            const fresh = (await reload())?.nodes.find((n) => editing !== 'new' && n.key === editing.key);
            if (fresh) setEditing(fresh);
            return fresh;
          }}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}
