import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Segmented, Select, Space, Spin, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { GAP_STATUSES, type ChainMapResponse, type MapNode } from '../../../../shared/contracts/chain-map';
import { DataTable } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { paths } from '../../../config/paths';
import { useMe } from '../../../hooks/use-me';
import { usePickableMonths } from '../../../hooks/use-pickable-months';
import { dataUrlToBlob, downloadBlob } from '../../../lib/download';
import { formatAmount, formatDateTime, formatGrowth } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useChainMap } from '../api/get-chain-map';
import { outputColumns } from '../utils/figure-columns';
import { GAP_TAG_COLORS } from '../utils/gap-status';
import type { ChainMapExport } from './chain-map-canvas';
import { ChainMapNodeDrawer } from './chain-map-node-drawer';
import { ChainMapTracking } from './chain-map-tracking';
import { GapThresholdsModal } from './gap-thresholds-modal';
import { AddNodeButton, MapNodeEditor, useEditsMap } from './chain-map-editor';
import type { VersionedChain } from '../api/get-chain';

// G6 is large: it loads with the first chain page, never with the rest of the app.
const ChainMapCanvas = lazy(async () => ({ default: (await import('./chain-map-canvas')).ChainMapCanvas }));

type View = 'full' | 'local';

/**
 * 产业链图谱与缺口分析: the map of a published month (the latest by default, `?period=` in the address)
 * coloured by the gap analysis, 全景图 (every node) or 现状图 (nodes with local firms), the legend with
 * counts, the rule with the thresholds in force, the nodes as a list with reason and action, PNG and SVG
 * export, and the panel of a node (click a box or a name).
 */
export function ChainMapGapsCard({
  code,
  chain,
  reload,
}: {
  code: string;
  /** The chain with its versioned nodes and edges, for the map's editing (the admin and the chain's 链办). */
  chain?: VersionedChain;
  reload?: () => Promise<VersionedChain | undefined>;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('period') ?? undefined;
  const map = useChainMap(code, requested);
  const months = usePickableMonths(24, map.data?.period);
  const [view, setView] = useState<View>('full');
  const [selected, setSelected] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const exportRef = useRef<ChainMapExport | null>(null);
  const onError = useCallback(() => setFailed(true), []);
  const isAdmin = useMe().data?.user.role === 'admin';
  const [thresholdsOpen, setThresholdsOpen] = useState(false);
  const editsMap = useEditsMap(chain);
  const onSelect = useCallback((key: string) => setSelected(key), []);
  const linesOf = useCallback(
    (n: MapNode) => [
      n.name,
      `${t('chains.gapMap.firms', { count: n.enterpriseCount })} · ${t('chains.gapMap.aboveScale', { count: n.aboveScaleCount })}`,
      `${formatAmount(n.output, locale)} · ${formatGrowth(n.growth, locale)}`,
    ],
    [t, locale],
  );
  const data = map.data;
  const shown = useMemo(() => (data ? visibleOf(data, view) : { nodes: [], edges: [] }), [data, view]);

  if (map.error) return <ErrorAlert error={map.error} onRetry={() => void map.refetch()} />;
  if (!data) return <Spin style={{ display: 'block', padding: 48 }} />;
  const counts = Object.fromEntries(GAP_STATUSES.map((s) => [s, data.nodes.filter((n) => n.status === s).length]));
  const fileName = `${data.name}-${t(view === 'full' ? 'chains.gapMap.view.full' : 'chains.gapMap.view.local')}-${data.period}`;
  const savePng = async () => {
    const url = await exportRef.current?.png();
    if (url) downloadBlob(dataUrlToBlob(url), `${fileName}.png`);
  };
  const saveSvg = () => {
    const svg = exportRef.current?.svg(`${data.name} · ${data.period}`);
    if (svg) downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${fileName}.svg`);
  };
  const setPeriod = (period: string) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        params.set('period', period);
        return params;
      },
      { replace: true },
    );

  return (
    <Card
      title={t('chains.gapMap.title')}
      data-testid="chain-gap-map-card"
      extra={
        <Space wrap>
          <span>{t('chains.gapMap.period')}</span>
          <Select<string>
            aria-label={t('chains.gapMap.period')}
            value={data.period}
            style={{ width: 130 }}
            loading={months.isPending}
            onOpenChange={months.onOpenChange}
            options={months.months.filter((m) => m.status === 'published' || m.value === data.period)}
            onChange={setPeriod}
          />
          <Segmented<View>
            value={view}
            onChange={setView}
            options={[
              { value: 'full', label: t('chains.gapMap.view.full') },
              { value: 'local', label: t('chains.gapMap.view.local') },
            ]}
          />
          <Button onClick={() => void savePng()} disabled={failed}>
            {t('chains.gapMap.exportPng')}
          </Button>
          <Button onClick={saveSvg} disabled={failed}>
            {t('chains.gapMap.exportSvg')}
          </Button>
          {editsMap && chain && reload ? <AddNodeButton chain={chain} reload={reload} /> : null}
        </Space>
      }
    >
      <ChainMapTracking tracking={data.tracking} period={data.period} />
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
        <Space wrap data-testid="chain-gap-legend" aria-label={t('chains.gapMap.legend')}>
          {GAP_STATUSES.map((status) => (
            <Tag key={status} color={GAP_TAG_COLORS[status]}>
              {t(`chains.gap.status.${status}`)} {counts[status]}
            </Tag>
          ))}
        </Space>
        <Space>
          <span data-testid="chain-health-score">
            {t('chains.health.score')} <strong>{data.health.score}</strong>
          </span>
          <Link to={paths.chainHealth.getHref(data.period)}>{t('chains.health.link')}</Link>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {data.figures.snapshotId === null
          ? t('chains.gap.notPublishedYet')
          : t('chains.gap.figures', {
              period: data.period,
              status: t(`periods.status.${data.figures.status}`),
              publishedAt: formatDateTime(data.figures.publishedAt),
            })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('chains.gap.rule', {
          minFirms: data.thresholds.minFirms,
          minShare: Math.round(data.thresholds.minOutputShare * 1000) / 10,
          sharpDrop: Math.round(data.thresholds.sharpDrop * 1000) / 10,
        })}
        {isAdmin ? (
          <Button type="link" size="small" onClick={() => setThresholdsOpen(true)} data-testid="gap-thresholds-edit">
            {t('chains.thresholds.edit')}
          </Button>
        ) : null}
      </Typography.Paragraph>
      {thresholdsOpen ? <GapThresholdsModal onClose={() => setThresholdsOpen(false)} /> : null}
      {shown.nodes.length === 0 ? (
        <Alert type="info" showIcon title={t(data.nodes.length === 0 ? 'chains.gapMap.empty' : 'chains.gapMap.emptyLocal')} />
      ) : failed ? (
        <Alert type="warning" showIcon title={t('chains.mapFailed')} />
      ) : (
        <div
          role="img"
          aria-label={t('chains.gapMap.label', { name: data.name, nodes: shown.nodes.length, edges: shown.edges.length })}
          data-testid="chain-gap-map"
          data-node-count={shown.nodes.length}
          data-edge-count={shown.edges.length}
          style={{ border: '1px solid #f0f0f0', borderRadius: 6, marginBottom: 16 }}
        >
          <Suspense fallback={<Spin style={{ display: 'block', padding: 48 }} description={t('chains.mapLoading')} />}>
            <ChainMapCanvas
              nodes={shown.nodes}
              edges={shown.edges}
              linesOf={linesOf}
              onSelect={onSelect}
              exportRef={exportRef}
              onError={onError}
            />
          </Suspense>
        </div>
      )}
      <ChainGapsTable data={data} nodes={shown.nodes} onOpen={onSelect} />
      <ChainMapNodeDrawer
        node={data.nodes.find((n) => n.key === selected) ?? null}
        chainCode={data.code}
        chainName={data.name}
        period={data.period}
        onClose={() => setSelected(null)}
        editor={
          editsMap && chain && reload && selected !== null ? (
            <MapNodeEditor chain={chain} nodeKey={selected} reload={reload} onRemoved={() => setSelected(null)} />
          ) : null
        }
      />
    </Card>
  );
}

/** The nodes and edges of a view: 现状图 keeps the nodes with local firms and the edges between them. */
function visibleOf(data: ChainMapResponse, view: View): { nodes: MapNode[]; edges: ChainMapResponse['edges'] } {
  if (view === 'full') return { nodes: data.nodes, edges: data.edges };
  const nodes = data.nodes.filter((n) => n.enterpriseCount > 0);
  const keys = new Set(nodes.map((n) => n.key));
  return { nodes, edges: data.edges.filter((e) => keys.has(e.from) && keys.has(e.to)) };
}

/** The gap analysis as a list: each node with status, reason, action and figures; a name opens the node's panel. */
function ChainGapsTable({ data, nodes, onOpen }: { data: ChainMapResponse; nodes: MapNode[]; onOpen: (key: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <DataTable<MapNode>
      rows={nodes}
      rowKey="key"
      testId="chain-gaps-table"
      exportName={[data.name, t('chains.gapMap.title'), data.period]}
      empty={t('chains.gapMap.empty')}
      columns={[
        {
          key: 'name',
          title: t('chains.node.name'),
          dataIndex: 'name',
          render: (_, n) => (
            <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(n.key)}>
              {n.name}
            </Button>
          ),
        },
        {
          key: 'stage',
          title: t('chains.node.stage'),
          render: (_, n) => t(`chains.stage.${n.stage}`),
          excel: (n) => t(`chains.stage.${n.stage}`),
        },
        {
          key: 'status',
          title: t('chains.node.status'),
          render: (_, n) => <Tag color={GAP_TAG_COLORS[n.status]}>{t(`chains.gap.status.${n.status}`)}</Tag>,
          excel: (n) => t(`chains.gap.status.${n.status}`),
        },
        { key: 'reason', title: t('chains.gapMap.reason'), dataIndex: 'reason', excelWidth: 40 },
        {
          key: 'action',
          title: t('chains.gapMap.action'),
          render: (_, n) => t(`chains.gap.action.${n.action}`),
          excel: (n) => t(`chains.gap.action.${n.action}`),
        },
        { key: 'firms', title: t('chains.gapMap.firmsCol'), dataIndex: 'enterpriseCount', align: 'right' },
        { key: 'aboveScale', title: t('chains.gapMap.aboveScaleCol'), dataIndex: 'aboveScaleCount', align: 'right' },
        ...outputColumns<MapNode>(t, locale),
      ]}
    />
  );
}
