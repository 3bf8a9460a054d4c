import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Alert, Card, Flex, Space, Spin, Tag, Typography } from 'antd';
import { NODE_STATUSES, type ChainDetail, type NodeStage } from '../../../../shared/contracts/chains';
import { useT } from '../../../lib/i18n';
import { STATUS_TAG_COLORS } from '../utils/node-status';

// G6 is large: it loads with the first chain page, never with the rest of the app.
const NodeMapCanvas = lazy(async () => ({ default: (await import('./node-map-canvas')).NodeMapCanvas }));

/** 产业链图谱: legend with counts per status, the rule, and the drawn map. */
export function ChainMapCard({ chain }: { chain: ChainDetail }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  const onError = useCallback(() => setFailed(true), []);
  const stageLabels = useMemo(
    (): Record<NodeStage, string> => ({
      upstream: t('chains.stage.upstream'),
      midstream: t('chains.stage.midstream'),
      downstream: t('chains.stage.downstream'),
    }),
    [t],
  );
  const counts = Object.fromEntries(NODE_STATUSES.map((s) => [s, chain.nodes.filter((n) => n.status === s).length]));

  return (
    <Card title={t('chains.map')} data-testid="chain-map-card">
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
        <Space wrap data-testid="chain-map-legend">
          {NODE_STATUSES.map((status) => (
            <Tag key={status} color={STATUS_TAG_COLORS[status]}>
              {t(`chains.status.${status}`)} {counts[status]}
            </Tag>
          ))}
        </Space>
        <Typography.Text type="secondary">{t('chains.mapHint')}</Typography.Text>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('chains.statusRule', { year: chain.year })}
      </Typography.Paragraph>
      {chain.nodes.length === 0 ? (
        <Alert type="info" showIcon title={chain.canEdit ? t('chains.node.empty') : t('chains.node.emptyReadOnly')} />
      ) : failed ? (
        <Alert type="warning" showIcon title={t('chains.mapFailed')} />
      ) : (
        <div
          role="img"
          aria-label={t('chains.mapLabel', { name: chain.name, nodes: chain.nodes.length, edges: chain.edges.length })}
          data-testid="chain-map"
          data-node-count={chain.nodes.length}
          data-edge-count={chain.edges.length}
          style={{ border: '1px solid #f0f0f0', borderRadius: 6 }}
        >
          <Suspense fallback={<Spin style={{ display: 'block', padding: 48 }} description={t('chains.mapLoading')} />}>
            <NodeMapCanvas nodes={chain.nodes} edges={chain.edges} stageLabels={stageLabels} onError={onError} />
          </Suspense>
        </div>
      )}
    </Card>
  );
}
