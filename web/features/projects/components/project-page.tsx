import { useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Result, Space, Spin, Steps, Tag, Timeline } from 'antd';
import { Link, useParams } from 'react-router';
import {
  APPROVAL_ITEMS,
  PROJECT_STAGES,
  type BlockerItem,
  type ProjectDetail,
  type ProjectSupportResponse,
} from '../../../../shared/contracts/projects';
import { hasReached, isStage, stageIndex } from '../../../../shared/project-lifecycle';
import { Attachments } from '../../../components/attachments';
import { DataTable } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatAmount, formatDateTime, formatWan, yuanToWan } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useProject, useProjectSupport } from '../api/get-project';
import { useProjectWarnings } from '../api/get-project-warnings';
import { MoveStageModal, nextStage } from './move-stage-modal';
import { ProjectDialogs, type ProjectDialog } from './project-dialogs';
import { useProjectRole } from './project-role';
import { SigningEventsCard } from './signing-events-card';

type ApprovalRow = ProjectSupportResponse['approvals'][number];
type AmountRow = ProjectDetail['amountChanges'][number] & { id: number };

function ProjectFacts({ project }: { project: ProjectDetail }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="project-facts">
      <Descriptions.Item label={t('projects.stage')}>
        <Tag color={project.stage === 'terminated' ? 'red' : 'blue'}>{t(`projects.stage.${project.stage}`)}</Tag>
        {project.terminatedReason ? project.terminatedReason : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('projects.channel')}>{t(`projects.channel.${project.channel}`)}</Descriptions.Item>
      <Descriptions.Item label={t('projects.chain')}>
        <Link to={paths.chain.getHref(project.chainCode)}>{project.chainName}</Link>
        {project.nodeName ? ` · ${project.nodeName}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('projects.category')}>{t(`projects.category.${project.category}`)}</Descriptions.Item>
      <Descriptions.Item label={t('projects.region')}>{project.regionName}</Descriptions.Item>
      <Descriptions.Item label={t('projects.park')}>{project.parkName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('projects.investor')}>{project.investorName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('projects.referringMaster')}>{project.referringMasterUscc ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('projects.signedAmount')}>{formatAmount(project.signedAmount, locale)}</Descriptions.Item>
      <Descriptions.Item label={t('projects.plannedInvestment')}>{formatAmount(project.plannedInvestment, locale)}</Descriptions.Item>
      <Descriptions.Item label={t('projects.unit')}>{project.unit ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('projects.person')}>{project.person ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('projects.enterprise')}>
        {project.enterpriseUscc ? (
          <Link to={paths.enterprise.getHref(project.enterpriseUscc)} data-testid="project-enterprise-link">
            {project.enterpriseName ?? project.enterpriseUscc}
          </Link>
        ) : (
          t('projects.enterpriseNone')
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('projects.codeName')}>{project.codeName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('projects.notes')} span={2}>
        {project.notes ?? '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The stages as steps: reached ones dated, planned dates for the ones ahead. */
function StageSteps({ project }: { project: ProjectDetail }) {
  const t = useT();
  const current = isStage(project.stage) ? stageIndex(project.stage) : -1;
  return (
    <Steps
      size="small"
      current={current}
      status={project.stage === 'terminated' ? 'error' : 'process'}
      items={PROJECT_STAGES.map((stage) => ({
        title: t(`projects.stage.${stage}`),
        description:
          project.stageDates[stage] ??
          (project.plannedDates[stage] ? t('projects.plannedOn', { date: project.plannedDates[stage] ?? '' }) : undefined),
      }))}
      style={{ overflowX: 'auto', paddingBottom: 8 }}
    />
  );
}

type RowButton<T> = {
  label: string;
  /** Names the button for its row (screen readers, tests). */
  ariaLabel: (row: T) => string;
  onClick: (row: T) => void;
  /** No button in this row. */
  hidden?: (row: T) => boolean;
};

/** A writer's small button in each row (no Excel column). */
function actionColumn<T>(title: string, button: RowButton<T>) {
  return {
    key: 'actions',
    title,
    width: 100,
    render: (_: unknown, row: T) =>
      button.hidden?.(row) ? null : (
        <Button size="small" aria-label={button.ariaLabel(row)} onClick={() => button.onClick(row)}>
          {button.label}
        </Button>
      ),
  };
}

type SupportProps = {
  name: string;
  signed: boolean;
  support: UseQueryResult<ProjectSupportResponse>;
  open?: (d: ProjectDialog) => void;
};

/** The recorded approvals; from 签约 on, the whole checklist, the items not recorded yet as 未开始. */
function approvalRows(recorded: readonly ApprovalRow[], signed: boolean): ApprovalRow[] {
  if (!signed) return [...recorded];
  return APPROVAL_ITEMS.map((item) => recorded.find((a) => a.item === item) ?? { item, status: 'pending', dueOn: null, doneOn: null });
}

function SupportCards({ name, signed, support, open }: SupportProps) {
  const t = useT();
  const approvals = approvalRows(support.data?.approvals ?? [], signed);
  return (
    <>
      <Card
        title={t('projects.approvals')}
        size="small"
        extra={
          <Space>
            {support.data?.agentName ? t('projects.agent', { name: support.data.agentName }) : t('projects.agentNone')}
            {open ? (
              <Button size="small" onClick={() => open({ kind: 'agent' })}>
                {t('projects.edit.agent')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <DataTable<ApprovalRow>
          rows={approvals}
          loading={support.isLoading}
          rowKey="item"
          columns={[
            { key: 'item', title: t('projects.approval.item'), excel: (a) => t(`projects.approval.${a.item}`) },
            {
              key: 'status',
              title: t('projects.approval.status'),
              excel: (a) => t(`projects.approvalStatus.${a.status}`),
              tag: (a) => (a.status === 'done' ? 'green' : a.status === 'in_progress' ? 'blue' : 'default'),
            },
            { key: 'dueOn', title: t('projects.dueOn'), excel: (a) => a.dueOn },
            { key: 'doneOn', title: t('projects.doneOn'), excel: (a) => a.doneOn },
            open &&
              actionColumn<ApprovalRow>(t('common.actions'), {
                label: t('projects.edit.update'),
                ariaLabel: (a) => t('projects.edit.approvalButton', { item: t(`projects.approval.${a.item}`) }),
                onClick: (a) => open({ kind: 'approval', approval: a }),
              }),
          ]}
          testId="project-approvals"
          exportName={[name, t('projects.approvals')]}
          empty={t('projects.approvalsEmpty')}
          tableProps={{ size: 'small' }}
        />
      </Card>
      <Card
        title={t('projects.blockers')}
        size="small"
        extra={
          open ? (
            <Button size="small" onClick={() => open({ kind: 'blocker' })}>
              {t('projects.edit.addBlocker')}
            </Button>
          ) : null
        }
      >
        <DataTable<BlockerItem>
          rows={support.data?.blockers ?? []}
          loading={support.isLoading}
          columns={[
            { key: 'kind', title: t('projects.blocker.kind'), excel: (b) => t(`projects.blockerKind.${b.kind}`) },
            { key: 'description', title: t('projects.blocker.description'), dataIndex: 'description', excelWidth: 30 },
            { key: 'owner', title: t('projects.blocker.owner'), dataIndex: 'ownerDepartment', excelWidth: 20 },
            { key: 'dueOn', title: t('projects.dueOn'), dataIndex: 'dueOn' },
            { key: 'resolvedOn', title: t('projects.blocker.resolvedOn'), excel: (b) => b.resolvedOn },
            {
              key: 'overdue',
              title: t('projects.blocker.overdue'),
              excel: (b) => (b.overdue ? t('projects.blocker.overdueYes') : null),
              tag: (b) => (b.overdue ? 'red' : undefined),
            },
            open &&
              actionColumn<BlockerItem>(t('common.actions'), {
                label: t('projects.edit.resolve'),
                ariaLabel: (b) => t('projects.edit.resolveButton', { description: b.description }),
                onClick: (b) => open({ kind: 'resolve', blocker: b }),
                hidden: (b) => Boolean(b.resolvedOn),
              }),
          ]}
          testId="project-blockers"
          exportName={[name, t('projects.blockers')]}
          empty={t('projects.blockersEmpty')}
          tableProps={{ size: 'small' }}
        />
      </Card>
    </>
  );
}

/** 项目页: facts, stage steps and timeline, 代办制 approvals, 要素保障 blockers, amount changes, the linked firm and warnings. */
export function ProjectPage() {
  const t = useT();
  const { locale } = useLocale();
  const id = Number(useParams().id);
  const project = useProject(id);
  const { canWrite, canRead } = useProjectRole();
  const warnings = useProjectWarnings({}, canRead);
  const [moving, setMoving] = useState<ProjectDetail['stage'] | null>(null);
  const [dialog, setDialog] = useState<ProjectDialog | null>(null);
  const support = useProjectSupport(id);

  if (project.error) {
    const missing = project.error instanceof ApiError && (project.error.status === 404 || project.error.status === 403);
    return missing ? (
      <Result status="404" title={project.error.message} extra={<Link to={paths.investmentList.getHref()}>{t('projects.back')}</Link>} />
    ) : (
      <ErrorAlert error={project.error} onRetry={() => void project.refetch()} />
    );
  }
  if (!project.data) return <Spin style={{ display: 'block', padding: 64 }} />;
  const p = project.data;
  const next = nextStage(p.stage);
  const mine = (warnings.data?.items ?? []).filter((w) => w.projectId === p.id);
  const amounts: AmountRow[] = p.amountChanges.map((c, i) => ({ ...c, id: i }));

  return (
    <Flex vertical gap={16} data-testid="project-page">
      <Link to={paths.investmentList.getHref()}>← {t('projects.back')}</Link>
      <Card
        title={p.name}
        extra={
          canWrite && p.stage !== 'terminated' ? (
            <Space>
              {next ? (
                <Button type="primary" onClick={() => setMoving(next)}>
                  {t('projects.board.advance')}
                </Button>
              ) : null}
              <Button onClick={() => setMoving('terminated')}>{t('projects.move.other')}</Button>
              <Button onClick={() => setDialog({ kind: 'amounts' })}>{t('projects.edit.amounts')}</Button>
              <Button onClick={() => setDialog({ kind: 'major' })}>{t('projects.edit.major')}</Button>
              <Button onClick={() => setDialog({ kind: 'investment' })}>{t('projects.edit.investment')}</Button>
            </Space>
          ) : null
        }
      >
        {p.warnings.map((w) => (
          <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 8 }} />
        ))}
        {mine.map((w) => (
          <Alert
            key={`${w.kind}-${w.otherProjectId ?? ''}`}
            type="error"
            showIcon
            style={{ marginBottom: 8 }}
            title={t(`projects.warningKind.${w.kind}`, { date: w.date, days: w.days })}
          />
        ))}
        <StageSteps project={p} />
        <ProjectFacts project={p} />
      </Card>
      <Card title={t('projects.timeline')} size="small">
        <Timeline
          data-testid="project-timeline"
          items={p.timeline.map((e) => ({
            color: e.toStage === 'terminated' ? 'red' : 'blue',
            content: `${e.on} ${e.fromStage ? `${t(`projects.stage.${e.fromStage}`)} → ` : ''}${t(`projects.stage.${e.toStage}`)} · ${e.byName}${e.reason ? ` · ${e.reason}` : ''}`,
          }))}
        />
      </Card>
      <SupportCards name={p.name} signed={hasReached(p.stage, 'signed')} support={support} open={canWrite ? setDialog : undefined} />
      <SigningEventsCard
        projectId={p.id}
        name={p.name}
        signed={hasReached(p.stage, 'signed') && p.stage !== 'terminated'}
        support={support.data}
        loading={support.isLoading}
        onAdd={canWrite ? () => setDialog({ kind: 'event' }) : undefined}
      />
      <Card title={t('projects.amountChanges')} size="small">
        <DataTable<AmountRow>
          rows={amounts}
          columns={[
            { key: 'field', title: t('projects.amountField'), excel: (c) => t(`projects.field.${c.field}`) },
            {
              key: 'before',
              title: t('projects.amountBefore'),
              excel: (c) => yuanToWan(c.before),
              render: (_, c) => formatWan(c.before, locale),
            },
            {
              key: 'after',
              title: t('projects.amountAfter'),
              excel: (c) => yuanToWan(c.after),
              render: (_, c) => formatWan(c.after, locale),
            },
            { key: 'by', title: t('projects.amountBy'), dataIndex: 'byName' },
            { key: 'at', title: t('projects.amountAt'), excel: (c) => formatDateTime(c.at) },
          ]}
          testId="project-amount-changes"
          exportName={[p.name, t('projects.amountChanges')]}
          empty={t('projects.amountChangesEmpty')}
          tableProps={{ size: 'small' }}
        />
      </Card>
      <Attachments ownerKind="project" ownerId={p.id} canUpload={canWrite} />
      <ProjectDialogs dialog={dialog} project={p} support={support.data} onClose={() => setDialog(null)} />
      {moving ? <MoveStageModal project={p} to={moving} onClose={() => setMoving(null)} /> : null}
    </Flex>
  );
}
