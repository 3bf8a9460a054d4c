import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { ChainDetail, ChainNode } from '../../../../shared/contracts/chains';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { formatDateStamp } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useDeleteChainNode } from '../api/delete-chain-node';
import { errorText } from '../utils/form-errors';
import { STATUS_TAG_COLORS } from '../utils/node-status';
import { NodeFormModal } from './node-form-modal';

type ExportKey = 'key' | 'name' | 'stage' | 'gbt4754' | 'enterprises' | 'aboveScale' | 'status';

/** 环节: the chain's nodes with firm counts and status; add, edit and delete for the chain's users. */
export function ChainNodesCard({ chain }: { chain: ChainDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<ChainNode | 'new' | null>(null);
  const remove = useDeleteChainNode();
  const separator = t('common.listSeparator');

  const onDelete = async (node: ChainNode) => {
    try {
      await remove.mutateAsync({ code: chain.code, key: node.key });
      message.success(t('chains.deleted'));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const columns: TableColumnsType<ChainNode> = [
    { key: 'key', title: t('chains.node.key'), dataIndex: 'key', width: 110 },
    { key: 'name', title: t('chains.node.name'), dataIndex: 'name' },
    { key: 'stage', title: t('chains.node.stage'), width: 90, render: (_, node) => t(`chains.stage.${node.stage}`) },
    { key: 'gbt4754', title: t('chains.node.gbt4754'), render: (_, node) => node.gbt4754.join(separator) || '—' },
    { key: 'enterprises', title: t('chains.node.enterprises'), dataIndex: 'enterpriseCount', align: 'right', width: 90 },
    { key: 'aboveScale', title: `${t('chains.node.aboveScale')} (${chain.year})`, dataIndex: 'aboveScaleCount', align: 'right', width: 130 },
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
        <Space>
          <Button size="small" onClick={() => setEditing(node)} data-testid={`node-edit-${node.key}`}>
            {t('chains.edit')}
          </Button>
          <Tooltip title={node.enterpriseCount > 0 ? t('chains.node.deleteBlocked', { count: node.enterpriseCount }) : undefined}>
            <span>
              <Popconfirm
                title={t('chains.node.deleteConfirm', { name: node.name })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                disabled={node.enterpriseCount > 0}
                onConfirm={() => onDelete(node)}
              >
                <Button size="small" danger disabled={node.enterpriseCount > 0} data-testid={`node-delete-${node.key}`}>
                  {t('chains.delete')}
                </Button>
              </Popconfirm>
            </span>
          </Tooltip>
        </Space>
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
  const exportRows = chain.nodes.map(
    (node): Record<ExportKey, ExcelCell> => ({
      key: node.key,
      name: node.name,
      stage: t(`chains.stage.${node.stage}`),
      gbt4754: node.gbt4754.join(separator),
      enterprises: node.enterpriseCount,
      aboveScale: node.aboveScaleCount,
      status: t(`chains.status.${node.status}`),
    }),
  );

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
          <ExportExcelButton fileName={`${chain.name}-${t('chains.nodes')}-${formatDateStamp()}`} sheetName={t('chains.nodes')} columns={exportColumns} rows={exportRows} />
        </Space>
      }
    >
      <Table<ChainNode>
        rowKey="key"
        size="small"
        data-testid="chain-nodes"
        columns={columns}
        dataSource={chain.nodes}
        pagination={false}
        locale={{ emptyText: chain.canEdit ? t('chains.node.empty') : t('chains.node.emptyReadOnly') }}
      />
      {editing ? <NodeFormModal chainCode={chain.code} node={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
