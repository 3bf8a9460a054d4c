import { Card, Tag } from 'antd';
import { DataTable } from '../../../components/data-table';
import { rowActionsColumn } from '../../../components/row-actions';
import { useT } from '../../../lib/i18n';
import { useDeleteChainNode } from '../api/delete-chain-node';
import type { VersionedChain, VersionedNode } from '../api/get-chain';
import { STATUS_TAG_COLORS } from '../utils/node-status';
import { NodeFormModal } from './node-form-modal';
import { useRecordDialog } from '../../../hooks/use-record-dialog';
import { NodeProjects, StartLeadButton, useInvestmentRole } from './node-projects';

/**
 * 环节: the chain's nodes with firm counts and status; add, edit and delete for the chain's users. A
 * 缺链/弱链 node offers 发起招商线索, and a row opens on the node's leads and projects.
 */
export function ChainNodesCard({ chain, reload }: { chain: VersionedChain; reload: () => Promise<VersionedChain | undefined> }) {
  const t = useT();
  const { dialog, add, edit } = useRecordDialog(
    async () => (await reload())?.nodes,
    (a: VersionedNode, b) => a.key === b.key,
  );
  const remove = useDeleteChainNode();
  const separator = t('common.listSeparator');
  const investment = useInvestmentRole();

  return (
    <Card title={t('chains.nodes')}>
      <DataTable<VersionedNode>
        rows={chain.nodes}
        toolbar={{
          add: chain.canEdit ? { label: t('chains.node.create'), onClick: add, testId: 'node-create' } : null,
        }}
        empty={chain.canEdit ? t('chains.node.empty') : t('chains.node.emptyReadOnly')}
        columns={[
          { key: 'key', title: t('chains.node.key'), dataIndex: 'key', width: 110, excelWidth: 12 },
          { key: 'name', title: t('chains.node.name'), dataIndex: 'name', excelWidth: 24 },
          { key: 'stage', title: t('chains.node.stage'), width: 90, excelWidth: 8, excel: (node) => t(`chains.stage.${node.stage}`) },
          {
            key: 'gbt4754',
            title: t('chains.node.gbt4754'),
            excelWidth: 20,
            excel: (node) => node.gbt4754.join(separator) || null,
          },
          {
            key: 'enterprises',
            title: t('chains.node.enterprises'),
            dataIndex: 'enterpriseCount',
            align: 'right',
            width: 90,
            excelWidth: 10,
          },
          {
            key: 'aboveScale',
            title: `${t('chains.node.aboveScale')} (${chain.year})`,
            dataIndex: 'aboveScaleCount',
            align: 'right',
            width: 130,
            excelWidth: 14,
          },
          {
            key: 'status',
            title: t('chains.node.status'),
            width: 90,
            excelWidth: 8,
            excel: (node) => t(`chains.status.${node.status}`),
            render: (_, node) => <Tag color={STATUS_TAG_COLORS[node.status]}>{t(`chains.status.${node.status}`)}</Tag>,
          },
          investment.writes && {
            key: 'lead',
            title: t('chains.node.investment'),
            width: 130,
            render: (_, node) => <StartLeadButton chainCode={chain.code} node={node} />,
          },
          chain.canEdit &&
            rowActionsColumn<VersionedNode>(t, (node) => ({
              onEdit: () => edit(node),
              editTestId: `node-edit-${node.key}`,
              confirmTitle: t('chains.node.deleteConfirm', { name: node.name }),
              onDelete: () => remove.mutateAsync({ code: chain.code, key: node.key, version: node.version }),
              name: node.name,
              blockedReason: node.enterpriseCount > 0 ? t('chains.node.deleteBlocked', { count: node.enterpriseCount }) : null,
              deleteTestId: `node-delete-${node.key}`,
            })),
        ]}
        rowKey="key"
        testId="chain-nodes"
        exportName={[chain.name, t('chains.nodes')]}
        tableProps={{
          size: 'small',
          expandable: investment.reads
            ? { expandedRowRender: (node) => <NodeProjects chainCode={chain.code} node={{ key: node.key, gap: node.status !== 'ok' }} /> }
            : undefined,
        }}
      />
      {dialog ? <NodeFormModal chainCode={chain.code} {...dialog} /> : null}
    </Card>
  );
}
