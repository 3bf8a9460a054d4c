import { useState, type DragEvent } from 'react';
import { Badge, Button, Card, Empty, Flex, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { PROJECT_STAGES, type ProjectListItem, type ProjectStage, type ProjectState } from '../../../../shared/contracts/projects';
import { ErrorAlert } from '../../../components/error-alert';
import { SearchBox } from '../../../components/list-toolbar';
import { SectionTabs } from '../../../components/section-tabs';
import { paths } from '../../../config/paths';
import { usePageParams } from '../../../hooks/use-page-params';
import { formatYi } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useProjects } from '../api/get-projects';
import { useProjectRole } from './project-role';
import { MoveStageModal, nextStage } from './move-stage-modal';
import { ProjectFilterSelects, useProjectFilter, type ProjectFilter } from './project-filters';

/** Cards shown per column; the column's count says how many there are in all (the list shows the rest). */
const CARDS_PER_COLUMN = 20;

type Moving = { project: ProjectListItem; to: ProjectState };

type CardProps = { project: ProjectListItem; canMove: boolean; onMove: (m: Moving) => void; onDrag: (p: ProjectListItem) => void };

function ProjectCard({ project, canMove, onMove, onDrag }: CardProps) {
  const t = useT();
  const { locale } = useLocale();
  const next = nextStage(project.stage);
  return (
    <Card
      size="small"
      draggable={canMove}
      onDragStart={(event: DragEvent) => {
        event.dataTransfer.setData('text/plain', String(project.id));
        onDrag(project);
      }}
      data-testid={`board-card-${project.id}`}
      aria-label={project.name}
      style={{ cursor: canMove ? 'grab' : undefined }}
    >
      <Link to={paths.project.getHref(project.id)}>{project.name}</Link>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0', fontSize: 12 }}>
        {project.chainName}
        {project.nodeName ? ` · ${project.nodeName}` : ''} · {t(`projects.channel.${project.channel}`)}
        {project.signedAmount !== null ? ` · ${formatYi(project.signedAmount, locale)}` : ''}
      </Typography.Paragraph>
      {canMove && next ? (
        <Button
          size="small"
          onClick={() => onMove({ project, to: next })}
          aria-label={t('projects.board.advanceOf', { name: project.name })}
        >
          {t('projects.board.advance')}
        </Button>
      ) : null}
    </Card>
  );
}

type ColumnProps = {
  stage: ProjectStage;
  filter: ProjectFilter;
  canMove: boolean;
  onMove: (m: Moving) => void;
  onDrag: (p: ProjectListItem) => void;
  /** A card was dropped on the column. */
  onDrop: (stage: ProjectStage) => void;
};

function BoardColumn(props: ColumnProps) {
  const t = useT();
  const { stage, filter } = props;
  const [over, setOver] = useState(false);
  const query = useProjects({ ...filter, stage, page: 1, pageSize: CARDS_PER_COLUMN });
  const rows = query.data?.items ?? [];
  return (
    <section
      aria-label={t(`projects.stage.${stage}`)}
      data-testid={`board-column-${stage}`}
      onDragOver={(event) => {
        if (!props.canMove) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        props.onDrop(stage);
      }}
      style={{ minWidth: 220, width: 220, background: over ? '#e6f4ff' : '#fafafa', borderRadius: 6, padding: 8 }}
    >
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t(`projects.stage.${stage}`)}</Typography.Text>
        <Badge count={query.data?.total ?? 0} showZero overflowCount={9999} color="#1677ff" data-testid={`board-count-${stage}`} />
      </Flex>
      {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isLoading ? <Spin /> : null}
      <Flex vertical gap={8}>
        {rows.map((project) => (
          <ProjectCard key={project.id} project={project} canMove={props.canMove} onMove={props.onMove} onDrag={props.onDrag} />
        ))}
      </Flex>
      {!query.isLoading && rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.board.emptyColumn')} />
      ) : null}
      {(query.data?.total ?? 0) > rows.length ? (
        <Link to={`${paths.investmentList.getHref()}?stage=${stage}`}>
          {t('projects.board.more', { count: (query.data?.total ?? 0) - rows.length })}
        </Link>
      ) : null}
    </section>
  );
}

/**
 * 招商引资 pipeline board: a column per stage (线索 … 入规) with its count and first cards. A writer
 * drags a card onto another column, or presses 推进到下一阶段 on it, and the dialog asks the date
 * (and the reason when moving back); 终止 is picked in the same dialog.
 */
export function PipelineBoardPage() {
  const t = useT();
  const { filter } = useProjectFilter();
  const { q, update } = usePageParams();
  const { canWrite } = useProjectRole();
  const [moving, setMoving] = useState<Moving | null>(null);
  const [dragged, setDragged] = useState<ProjectListItem | null>(null);
  const { stage: _stage, ...boardFilter } = filter;

  return (
    <SectionTabs section="investment">
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <SearchBox
          value={q}
          placeholder={t('projects.searchPlaceholder')}
          testId="board-search"
          onSearch={(value) => update({ q: value, page: 1 })}
        />
        <ProjectFilterSelects withStage={false} />
      </Flex>
      <Typography.Paragraph type="secondary">{canWrite ? t('projects.board.hint') : t('projects.board.readOnly')}</Typography.Paragraph>
      <Flex gap={8} style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="pipeline-board">
        {PROJECT_STAGES.map((stage) => (
          <BoardColumn
            key={stage}
            stage={stage}
            filter={boardFilter}
            canMove={canWrite}
            onMove={setMoving}
            onDrag={setDragged}
            onDrop={(to) => {
              if (dragged && dragged.stage !== to) setMoving({ project: dragged, to });
              setDragged(null);
            }}
          />
        ))}
      </Flex>
      {moving ? <MoveStageModal project={moving.project} to={moving.to} onClose={() => setMoving(null)} /> : null}
    </SectionTabs>
  );
}
