import { Descriptions, Drawer, Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CHAIN_LIST_READER_ROLES } from '../../../../shared/contracts/chain-prospects';
import { roleIn } from '../../../../shared/roles';
import type { MapNode } from '../../../../shared/contracts/chain-map';
import { DataTable } from '../../../components/data-table';
import { useMe } from '../../../hooks/use-me';
import { LightTag } from '../../../components/light-tag';
import { useChainOpenTickets } from '../api/get-node-problems';
import { useChainProspects } from '../api/get-chain-prospects';
import { NodeProjects, useInvestmentRole } from './node-projects';
import { paths } from '../../../config/paths';
import { formatGrowth, formatPercent, formatYi } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { outputColumns } from '../utils/figure-columns';
import { GAP_TAG_COLORS } from '../utils/gap-status';
import { CompactList } from '../../../components/compact-list';

type Firm = MapNode['firms'][number];

/** The node's 招商目标企业, for the roles that read the chain's lists (each converted one links to its lead). */
function NodeTargets({ chainCode, nodeKey }: { chainCode: string; nodeKey: string }) {
  const t = useT();
  const role = useMe().data?.user.role;
  const reads = roleIn(CHAIN_LIST_READER_ROLES, role);
  const targets = useChainProspects(chainCode, nodeKey, reads);
  if (!reads) return null;
  const items = targets.data?.items ?? [];
  return (
    <section data-testid="chain-node-targets">
      <Typography.Title level={5}>{t('chains.lists.nodeTargets', { count: items.length })}</Typography.Title>
      <CompactList
        items={items}
        empty={t('chains.lists.nodeTargetsNone')}
        renderItem={(p) => (
          <List.Item>
            {p.name} {p.location ? <Typography.Text type="secondary">{p.location}</Typography.Text> : null}{' '}
            {p.projectId !== null ? (
              <a href={paths.project.getHref(p.projectId)}>{t('chains.lists.project', { id: p.projectId })}</a>
            ) : null}
          </List.Item>
        )}
      />
    </section>
  );
}

/** The node's problems: open tickets of its firms, in the caller's scope, each linked to its ticket. */
function NodeProblems({ chainCode, node }: { chainCode: string; node: MapNode }) {
  const t = useT();
  const tickets = useChainOpenTickets(chainCode, node.firms.length > 0);
  const firms = new Set(node.firms.map((f) => f.uscc));
  const items = (tickets.data?.items ?? []).filter((ticket) => firms.has(ticket.uscc));
  return (
    <section data-testid="chain-node-problems">
      <Typography.Title level={5}>{t('chains.node.problems', { count: items.length })}</Typography.Title>
      <CompactList
        items={items}
        empty={t('chains.node.problemsNone')}
        renderItem={(ticket) => (
          <List.Item>
            <Link to={paths.problem.getHref(ticket.id)}>{ticket.title}</Link>{' '}
            <Typography.Text type="secondary">{ticket.enterpriseName}</Typography.Text> <Tag>{t(`tickets.state.${ticket.state}`)}</Tag>
            <LightTag light={ticket.light} />
          </List.Item>
        )}
      />
    </section>
  );
}

/**
 * The side panel of a node of the map: its status with the reasons and suggested action, its firms with
 * output and growth for the map's month (each linked to the firm), its problems (open tickets of its
 * firms), its 招商目标企业 and its leads and projects (for the roles that read them).
 */
export function ChainMapNodeDrawer({
  node,
  chainCode,
  chainName,
  period,
  onClose,
  editor,
}: {
  node: MapNode | null;
  chainCode: string;
  chainName: string;
  period: string;
  onClose: () => void;
  /** The node's editing (rename, connect, remove) for those who edit the map. */
  editor?: ReactNode;
}) {
  const t = useT();
  const { locale } = useLocale();
  const investment = useInvestmentRole();
  return (
    <Drawer open={node !== null} onClose={onClose} size="large" title={node?.name} data-testid="chain-node-drawer">
      {node === null ? null : (
        <Flex vertical gap={16}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('chains.node.status')}>
              <Tag color={GAP_TAG_COLORS[node.status]}>{t(`chains.gap.status.${node.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('chains.gapMap.reason')}>{node.reason}</Descriptions.Item>
            <Descriptions.Item label={t('chains.gapMap.action')}>{t(`chains.gap.action.${node.action}`)}</Descriptions.Item>
            <Descriptions.Item label={t('chains.gapMap.output')}>
              {formatYi(node.output, locale)} · {t('chains.gapMap.growth')} {formatGrowth(node.growth, locale)} · {t('chains.gapMap.share')}{' '}
              {formatPercent(node.outputShare, locale)}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('chains.gapMap.nodeFirms')}
          </Typography.Title>
          <DataTable<Firm>
            rows={node.firms}
            rowKey="uscc"
            testId="chain-node-firms"
            exportName={[chainName, node.name, period]}
            empty={t('chains.gapMap.noFirms')}
            columns={[
              {
                key: 'name',
                title: t('chains.gapMap.firmName'),
                dataIndex: 'name',
                href: (f) => paths.enterprise.getHref(f.uscc),
                excelWidth: 36,
                render: (_, f) => (
                  <Flex gap={4} wrap>
                    <a href={paths.enterprise.getHref(f.uscc)}>{f.name}</a>
                    {f.aboveScale ? <Tag>{t('chains.gapMap.aboveScaleTag')}</Tag> : null}
                    {f.chainMaster ? <Tag color="gold">{t('chains.gapMap.chainMasterTag')}</Tag> : null}
                  </Flex>
                ),
              },
              { key: 'uscc', title: t('chains.enterprise.uscc'), dataIndex: 'uscc', excelOnly: true, excelWidth: 22 },
              ...outputColumns<Firm>(t, locale),
            ]}
          />
          <NodeTargets chainCode={chainCode} nodeKey={node.key} />
          {editor}
          <NodeProblems chainCode={chainCode} node={node} />
          {investment.reads ? (
            <section data-testid="chain-node-projects">
              <Typography.Title level={5}>{t('chains.gapMap.leadsSlot')}</Typography.Title>
              <NodeProjects chainCode={chainCode} node={{ key: node.key, gap: node.status !== 'strong' }} />
            </section>
          ) : null}
        </Flex>
      )}
    </Drawer>
  );
}
