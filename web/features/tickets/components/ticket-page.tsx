import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Space, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { paths } from '../../../config/paths';
import type { TicketAction } from '../../../../shared/contracts/tickets';
import { Attachments } from '../../../components/attachments';
import { CodeName } from '../../../components/code-name';
import { useReferenceNames } from '../../../hooks/use-enterprise-options';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSpinner } from '../../../components/page-spinner';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useTicket } from '../api/get-ticket';
import { CalendarWarning } from './calendar-warning';
import { TicketActionModal } from './ticket-action-modal';
import { TicketLightTag } from './ticket-light';

/** One problem: its facts and deadlines, the timeline, and the actions the workflow offers the caller now. */
export function TicketPage() {
  const t = useT();
  const names = useReferenceNames();
  const id = Number(useParams().id);
  const ticket = useTicket(id);
  const [action, setAction] = useState<TicketAction | null>(null);
  if (ticket.isPending) return <PageSpinner />;
  if (ticket.error) return <ErrorAlert error={ticket.error} onRetry={() => void ticket.refetch()} />;
  const d = ticket.data;
  const none = '—';

  return (
    <Flex vertical gap={16}>
      <CalendarWarning />
      <Card
        title={
          <Space>
            <span data-testid="ticket-title">{`#${d.id} ${d.title}`}</span>
            <Tag data-testid="ticket-state">{t(`tickets.state.${d.state}`)}</Tag>
            <TicketLightTag light={d.light} testId="ticket-light" />
          </Space>
        }
        extra={
          <Space wrap>
            {d.actions.map((a) => (
              <Button key={a} onClick={() => setAction(a)} data-testid={`ticket-action-${a}`}>
                {t(`tickets.action.${a}`)}
              </Button>
            ))}
          </Space>
        }
      >
        <Descriptions
          column={2}
          items={[
            { key: 'enterprise', label: t('tickets.enterprise'), children: d.enterpriseName },
            { key: 'category', label: t('tickets.category'), children: t(`tickets.category.${d.category}`) },
            {
              key: 'chains',
              label: t('tickets.chains'),
              children:
                d.chainCodes.length === 0 ? (
                  none
                ) : (
                  <Space size={[8, 0]} wrap>
                    {d.chainCodes.map((code) => (
                      <CodeName key={code} code={code} name={names.chain(code)} />
                    ))}
                  </Space>
                ),
            },
            { key: 'node', label: t('tickets.node'), children: d.nodeName ?? none },
            { key: 'park', label: t('tickets.park'), children: d.parkName ?? none },
            { key: 'region', label: t('tickets.region'), children: <CodeName code={d.regionCode} name={d.regionName} /> },
            { key: 'leadUnit', label: t('tickets.leadUnit'), children: <span data-testid="ticket-lead-unit">{d.leadUnit ?? none}</span> },
            { key: 'coUnits', label: t('tickets.coUnits'), children: d.coUnits.join(t('common.listSeparator')) || none },
            { key: 'filedOn', label: t('tickets.filedOn'), children: d.filedOn },
            { key: 'acceptDue', label: t('tickets.acceptDue'), children: d.acceptDue ?? t('tickets.deadlineOpen') },
            { key: 'respondDue', label: t('tickets.respondDue'), children: d.respondDue ?? none },
            { key: 'dueDate', label: t('tickets.dueDate'), children: <span data-testid="ticket-due">{d.dueDate ?? none}</span> },
            {
              key: 'extension',
              label: t('tickets.extensionDue'),
              children: d.extensionDue ? `${d.extensionDue}（${d.extensionReason ?? ''}）` : none,
            },
            { key: 'reviewOn', label: t('tickets.reviewOn'), children: d.reviewOn ?? none },
            { key: 'rating', label: t('tickets.rating'), children: <span data-testid="ticket-rating-value">{d.rating ?? none}</span> },
            { key: 'closedOn', label: t('tickets.closedOn'), children: d.closedOn ?? none },
            {
              key: 'project',
              label: t('tickets.project'),
              children:
                d.projectId === null ? (
                  none
                ) : (
                  <Link to={paths.project.getHref(d.projectId)}>{t('tickets.projectLink', { id: d.projectId })}</Link>
                ),
            },
          ]}
        />
        <Typography.Title level={5}>{t('tickets.description')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.description}</Typography.Paragraph>
        {d.answer ? (
          <>
            <Typography.Title level={5}>{t('tickets.answer')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="ticket-answer">
              {d.answer}
            </Typography.Paragraph>
          </>
        ) : null}
      </Card>
      <Attachments ownerKind="ticket" ownerId={d.id} canUpload={d.parties.length > 0} />
      <Card title={t('tickets.timeline')}>
        <Timeline
          data-testid="ticket-timeline"
          items={d.events.map((e) => ({
            key: e.id,
            color: e.action === 'instruct' ? 'red' : 'blue',
            children: (
              <>
                <Typography.Text strong>{t(`tickets.action.${e.action}`)}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {e.actorName}（{t(`role.${e.actorRole}`)}）{formatDateTime(e.at)}
                </Typography.Text>
                {e.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div> : null}
              </>
            ),
          }))}
        />
      </Card>
      {action ? <TicketActionModal ticket={d} action={action} onClose={() => setAction(null)} /> : null}
    </Flex>
  );
}
