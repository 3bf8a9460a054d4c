import { useState } from 'react';
import { App, Button, Flex, List, Popconfirm, Select, Space, Tooltip, Typography } from 'antd';
import { useRecordDialog } from '../../../hooks/use-record-dialog';
import { useMe } from '../../../hooks/use-me';
import { useT } from '../../../lib/i18n';
import { useAddChainEdge } from '../api/add-chain-edge';
import { useDeleteChainEdge } from '../api/delete-chain-edge';
import { useDeleteChainNode } from '../api/delete-chain-node';
import type { VersionedChain, VersionedNode } from '../api/get-chain';
import { NodeFormModal } from './node-form-modal';

/** Whether the user edits the map: the admin, and the chain's own 链办. */
export function useEditsMap(chain: VersionedChain | undefined): boolean {
  const role = useMe().data?.user.role;
  return chain !== undefined && chain.canEdit && (role === 'admin' || role === 'chain_office');
}

/** 添加环节 on the map card: the node form (a node needs a stage; the server checks as for the 环节 card). */
export function AddNodeButton({ chain, reload }: { chain: VersionedChain; reload: () => Promise<VersionedChain | undefined> }) {
  const t = useT();
  const { dialog, add } = useRecordDialog<VersionedNode>(
    async () => (await reload())?.nodes,
    (a, b) => a.key === b.key,
  );
  return (
    <>
      <Button onClick={add} data-testid="map-node-add">
        {t('chains.node.create')}
      </Button>
      {dialog ? <NodeFormModal chainCode={chain.code} {...dialog} /> : null}
    </>
  );
}

/**
 * Editing one node from the map's panel, through the node and edge services (the same rules as the
 * 环节 and 连线 cards: an edge across chains or making a cycle is refused, a node with firms cannot be
 * removed): rename (the node form), connect to another node, remove an edge, remove the node, each
 * removal after a confirmation. A refusal shows the server's message (the mutations' default handler).
 */
export function MapNodeEditor({
  chain,
  nodeKey,
  reload,
  onRemoved,
}: {
  chain: VersionedChain;
  nodeKey: string;
  reload: () => Promise<VersionedChain | undefined>;
  onRemoved: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const addEdge = useAddChainEdge();
  const deleteEdge = useDeleteChainEdge();
  const deleteNode = useDeleteChainNode();
  const [target, setTarget] = useState<string | null>(null);
  const { dialog, edit } = useRecordDialog<VersionedNode>(
    async () => (await reload())?.nodes,
    (a, b) => a.key === b.key,
  );
  const node = chain.nodes.find((n) => n.key === nodeKey);
  if (!node) return null;
  const nameOf = (key: string) => chain.nodes.find((n) => n.key === key)?.name ?? key;
  const own = chain.edges.filter((e) => e.from === node.key || e.to === node.key);
  const candidates = chain.nodes.filter((n) => n.key !== node.key && !own.some((e) => e.from === node.key && e.to === n.key));

  const connect = async () => {
    if (target === null) return;
    await addEdge.mutateAsync({ code: chain.code, body: { from: node.key, to: target } });
    setTarget(null);
    void message.success(t('chains.saved'));
  };
  const removeNode = async () => {
    await deleteNode.mutateAsync({ code: chain.code, key: node.key, version: node.version });
    void message.success(t('chains.deleted'));
    onRemoved();
  };

  return (
    <section data-testid="chain-node-editor">
      <Typography.Title level={5}>{t('chains.mapEdit.title')}</Typography.Title>
      <Flex vertical gap={8}>
        <Space wrap>
          <Button onClick={() => edit(node)} data-testid="map-node-rename">
            {t('chains.mapEdit.rename')}
          </Button>
          <Tooltip title={node.enterpriseCount > 0 ? t('chains.node.deleteBlocked', { count: node.enterpriseCount }) : undefined}>
            <Popconfirm
              title={t('chains.node.deleteConfirm', { name: node.name })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => removeNode()}
              disabled={node.enterpriseCount > 0}
            >
              <Button danger disabled={node.enterpriseCount > 0} data-testid="map-node-delete">
                {t('chains.mapEdit.remove')}
              </Button>
            </Popconfirm>
          </Tooltip>
        </Space>
        <Space wrap>
          <span>{t('chains.mapEdit.feeds', { name: node.name })}</span>
          <Select<string>
            aria-label={t('chains.mapEdit.feedsTarget')}
            style={{ width: 220 }}
            showSearch={{ optionFilterProp: 'label' }}
            value={target}
            onChange={setTarget}
            options={candidates.map((n) => ({ value: n.key, label: n.name }))}
          />
          <Button type="primary" disabled={target === null} loading={addEdge.isPending} onClick={() => void connect()}>
            {t('chains.mapEdit.connect')}
          </Button>
        </Space>
        <List
          size="small"
          dataSource={own}
          locale={{ emptyText: t('chains.mapEdit.noEdges') }}
          renderItem={(e) => (
            <List.Item
              actions={[
                <Popconfirm
                  key="delete"
                  title={t('chains.mapEdit.removeEdgeConfirm', { from: nameOf(e.from), to: nameOf(e.to) })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => deleteEdge.mutateAsync({ code: chain.code, from: e.from, to: e.to })}
                >
                  <Button size="small" danger aria-label={t('chains.mapEdit.removeEdgeFor', { from: nameOf(e.from), to: nameOf(e.to) })}>
                    {t('chains.mapEdit.removeEdge')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <span>{`${nameOf(e.from)} → ${nameOf(e.to)}`}</span>
            </List.Item>
          )}
        />
      </Flex>
      {dialog ? <NodeFormModal chainCode={chain.code} {...dialog} /> : null}
    </section>
  );
}
