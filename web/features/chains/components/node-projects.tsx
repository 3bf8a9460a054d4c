import { Button, Empty, List, Spin, Tag } from 'antd';
import { Link } from 'react-router';
import { PROJECT_READER_ROLES, PROJECT_WRITER_ROLES } from '../../../../shared/contracts/projects';
import { ErrorAlert } from '../../../components/error-alert';
import { paths } from '../../../config/paths';
import { useMe } from '../../../hooks/use-me';
import { useT } from '../../../lib/i18n';
import { useNodeProjects } from '../api/get-node-projects';
import type { VersionedNode } from '../api/get-chain';

/** Whether the logged-in role reads the 招商 projects and whether it starts leads. */
export function useInvestmentRole(): { reads: boolean; writes: boolean } {
  const role = useMe().data?.user.role;
  return {
    reads: role !== undefined && PROJECT_READER_ROLES.some((r) => r === role),
    writes: role !== undefined && PROJECT_WRITER_ROLES.some((r) => r === role),
  };
}

/** 发起招商线索 on a 缺链/弱链 node: opens the lead form prefilled with the chain and node. */
export function StartLeadButton({ chainCode, node }: { chainCode: string; node: VersionedNode }) {
  const t = useT();
  const { writes } = useInvestmentRole();
  if (!writes || node.status === 'ok') return null;
  return (
    <Link to={paths.newLead.getHref(chainCode, node.key)} data-testid={`node-lead-${node.key}`}>
      <Button size="small" type="dashed" aria-label={t('chains.node.startLeadFor', { name: node.name })}>
        {t('chains.node.startLead')}
      </Button>
    </Link>
  );
}

/** The leads and projects on one node (the row's expansion in the node table, the map's node panel); `gap` for 缺链/弱链 wording. */
export function NodeProjects({ chainCode, node }: { chainCode: string; node: { key: string; gap: boolean } }) {
  const t = useT();
  const projects = useNodeProjects(chainCode, node.key);
  if (projects.error) return <ErrorAlert error={projects.error} onRetry={() => void projects.refetch()} />;
  if (!projects.data) return <Spin size="small" />;
  if (projects.data.items.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={node.gap ? t('chains.node.projectsNoneGap') : t('chains.node.projectsNone')}
      />
    );
  }
  return (
    <List
      size="small"
      data-testid={`node-projects-${node.key}`}
      header={t('chains.node.projects', { count: projects.data.total })}
      dataSource={projects.data.items}
      renderItem={(p) => (
        <List.Item>
          <Link to={paths.project.getHref(p.id)}>{p.name}</Link> <Tag>{t(`projects.stage.${p.stage}`)}</Tag>
        </List.Item>
      )}
    />
  );
}
