import { Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import type { TicketDetail } from '../../../../shared/contracts/tickets';
import { Attachments } from '../../../components/attachments';
import { CodeName } from '../../../components/code-name';
import { useReferenceNames } from '../../../hooks/use-enterprise-options';
import { WorkflowRecordCard, WorkflowRecordPage, WorkflowTimeline } from '../../../components/workflow-record';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useTicket } from '../api/get-ticket';
import { CalendarWarning } from './calendar-warning';
import { TicketActionModal } from './ticket-action-modal';
import { TicketLightTag } from './ticket-light';

/** One problem: its facts and deadlines, the timeline, and the actions the workflow offers the caller now. */
export function TicketPage() {
  return <WorkflowRecordPage useRecord={useTicket}>{(ticket) => <TicketView ticket={ticket} />}</WorkflowRecordPage>;
}

function TicketView({ ticket: d }: { ticket: TicketDetail }) {
  const t = useT();
  const names = useReferenceNames();
  const none = '—';

  return (
    <Flex vertical gap={16}>
      <CalendarWarning />
      <WorkflowRecordCard
        record={d}
        tags={
          <>
            <Tag data-testid="ticket-state">{t(`tickets.state.${d.state}`)}</Tag>
            <TicketLightTag light={d.light} testId="ticket-light" />
          </>
        }
        actionLabel={(a) => t(`tickets.action.${a}`)}
        actionDialog={(action, onClose) => <TicketActionModal ticket={d} action={action} onClose={onClose} />}
        testId="ticket"
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
      </WorkflowRecordCard>
      <Attachments ownerKind="ticket" ownerId={d.id} canUpload={d.parties.length > 0} />
      <WorkflowTimeline
        title={t('tickets.timeline')}
        testId="ticket-timeline"
        events={d.events.map((e) => ({
          id: e.id,
          label: t(`tickets.action.${e.action}`),
          color: e.action === 'instruct' ? 'red' : 'blue',
          actorName: e.actorName,
          actorRole: e.actorRole,
          when: formatDateTime(e.at),
          note: e.note,
        }))}
      />
    </Flex>
  );
}
