import { useState } from 'react';
import { Button, Card, Flex, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { AgendaItem, AgendaProposal, AgendaStatus } from '../../../../shared/contracts/agenda';
import { DataTable } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { FormModal } from '../../../components/form-modal';
import { paths } from '../../../config/paths';
import { useChains } from '../../../hooks/use-chains';
import { currentYear } from '../../../lib/current-year';
import { useT, type Translate } from '../../../lib/i18n';
import { useAgenda } from '../api/get-agenda';
import { useMarkAgendaItem } from '../api/mark-agenda-item';
import { useScheduleAgendaItem } from '../api/schedule-agenda-item';

const STATUS_COLOR: Record<AgendaStatus, string> = { scheduled: 'blue', discussed: 'gold', resolved: 'green' };

/** A group as people read it: 用地 · 变压器及电抗器, or the department's name. */
function groupLabel(t: Translate, g: Pick<AgendaProposal, 'kind' | 'category' | 'nodeName' | 'department'>): string {
  if (g.kind === 'department') return g.department ?? '';
  return `${g.category === null ? '' : t(`tickets.category.${g.category}`)} · ${g.nodeName ?? ''}`;
}

/** The meeting date of a proposed group going on the agenda. */
function ScheduleModal({ chainCode, proposal, onClose }: { chainCode: string; proposal: AgendaProposal; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ meetingOn: string }>();
  const schedule = useScheduleAgendaItem();
  return (
    <FormModal<{ meetingOn: string }>
      form={form}
      title={`${t('agenda.schedule')}：${groupLabel(t, proposal)}`}
      okText={t('agenda.schedule')}
      onSubmit={(values) =>
        schedule.mutateAsync({
          chainCode,
          kind: proposal.kind,
          category: proposal.category,
          nodeId: proposal.nodeId,
          department: proposal.department,
          meetingOn: values.meetingOn,
        })
      }
      savedMessage={t('agenda.saved')}
      onClose={onClose}
      serverFields={['meetingOn']}
      testId="agenda-schedule-form"
    >
      <Form.Item name="meetingOn" label={t('agenda.meetingOn')} rules={[{ required: true, message: t('supervision.required') }]}>
        <Input type="date" />
      </Form.Item>
    </FormModal>
  );
}

/** Marking an item discussed or resolved, with a note. */
function MarkModal({ item, status, onClose }: { item: AgendaItem; status: 'discussed' | 'resolved'; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ note?: string }>();
  const mark = useMarkAgendaItem();
  const label = status === 'discussed' ? t('agenda.markDiscussed') : t('agenda.markResolved');
  return (
    <FormModal<{ note?: string }>
      form={form}
      title={label}
      okText={label}
      initialValues={{ note: item.note ?? '' }}
      onSubmit={(values) => mark.mutateAsync({ id: item.id, body: { status, note: values.note || undefined, version: item.version } })}
      savedMessage={t('agenda.saved')}
      onClose={onClose}
      serverFields={['note']}
      testId="agenda-mark-form"
    >
      <Form.Item name="note" label={t('agenda.note')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

/**
 * 链长会议议题: a chain's common problems (open tickets of one category at one node, or with one lead
 * department, from at least the set number of firms) proposed for its meeting; the chain office puts
 * them on a meeting and marks them discussed or resolved; the 链长 and leaders read along.
 */
export function AgendaPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const chains = useChains(currentYear());
  const chainCode = searchParams.get('chain') ?? chains.data?.items[0]?.code;
  const agenda = useAgenda({ chain: chainCode ?? '' }, chainCode !== undefined);
  const [scheduling, setScheduling] = useState<AgendaProposal | null>(null);
  const [marking, setMarking] = useState<{ item: AgendaItem; status: 'discussed' | 'resolved' } | null>(null);
  const data = agenda.data;
  const mayEdit = data?.mayEdit ?? false;
  const minFirms = data?.minFirms ?? 2;
  const exportBase = [t('agenda.pageTitle'), data?.chainName ?? chainCode ?? ''];

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('agenda.pageTitle')}
        extra={
          <Space>
            <span>{t('agenda.chain')}</span>
            <Select<string>
              value={chainCode}
              placeholder={t('agenda.pickChain')}
              style={{ width: 240 }}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="agenda-chain"
              options={(chains.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
              onChange={(code) => setSearchParams({ chain: code }, { replace: true })}
            />
            <Link to={paths.problems.getHref()}>{t('tickets.pageTitle')}</Link>
          </Space>
        }
      >
        {agenda.error ? <ErrorAlert error={agenda.error} onRetry={() => void agenda.refetch()} /> : null}
        <Typography.Title level={5}>{t('agenda.proposals')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('agenda.proposalsHint', { minFirms })}</Typography.Paragraph>
        <DataTable<AgendaProposal>
          rows={data?.proposals ?? []}
          loading={agenda.isFetching}
          rowKey="key"
          testId="agenda-proposals"
          exportName={[...exportBase, t('agenda.proposals')]}
          sheetName={t('agenda.proposals')}
          empty={t('agenda.emptyProposals', { minFirms })}
          columns={[
            { key: 'kind', title: t('agenda.kindTitle'), width: 130, excel: (p) => t(`agenda.kind.${p.kind}`) },
            { key: 'group', title: t('agenda.group'), excel: (p) => groupLabel(t, p), excelWidth: 30 },
            { key: 'firms', title: t('agenda.firms'), dataIndex: 'firms', width: 90, align: 'right' },
            { key: 'tickets', title: t('agenda.tickets'), dataIndex: 'tickets', width: 90, align: 'right' },
            mayEdit && {
              key: 'actions',
              title: t('common.actions'),
              width: 130,
              render: (_, p) => (
                <Button size="small" onClick={() => setScheduling(p)} data-testid={`agenda-schedule-${p.key}`}>
                  {t('agenda.schedule')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('agenda.items')}>
        <DataTable<AgendaItem>
          rows={data?.items ?? []}
          loading={agenda.isFetching}
          testId="agenda-items"
          exportName={[...exportBase, t('agenda.items')]}
          sheetName={t('agenda.items')}
          empty={mayEdit ? t('agenda.emptyItems') : t('agenda.emptyProposals', { minFirms })}
          columns={[
            { key: 'meetingOn', title: t('agenda.meetingOn'), dataIndex: 'meetingOn', width: 120, excelWidth: 12 },
            { key: 'group', title: t('agenda.group'), excel: (i) => groupLabel(t, i), excelWidth: 30 },
            { key: 'firms', title: t('agenda.firms'), dataIndex: 'firms', width: 90, align: 'right' },
            { key: 'tickets', title: t('agenda.tickets'), dataIndex: 'tickets', width: 90, align: 'right' },
            {
              key: 'status',
              title: t('agenda.status'),
              width: 100,
              excel: (i) => t(`agenda.status.${i.status}`),
              render: (_, i) => <Tag color={STATUS_COLOR[i.status]}>{t(`agenda.status.${i.status}`)}</Tag>,
            },
            { key: 'note', title: t('agenda.note'), excel: (i) => i.note, excelWidth: 40 },
            mayEdit && {
              key: 'actions',
              title: t('common.actions'),
              width: 220,
              render: (_, i) => (
                <Space>
                  {i.status === 'scheduled' ? (
                    <Button size="small" onClick={() => setMarking({ item: i, status: 'discussed' })}>
                      {t('agenda.markDiscussed')}
                    </Button>
                  ) : null}
                  {i.status !== 'resolved' ? (
                    <Button size="small" onClick={() => setMarking({ item: i, status: 'resolved' })}>
                      {t('agenda.markResolved')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {scheduling && chainCode ? <ScheduleModal chainCode={chainCode} proposal={scheduling} onClose={() => setScheduling(null)} /> : null}
      {marking ? <MarkModal item={marking.item} status={marking.status} onClose={() => setMarking(null)} /> : null}
    </Flex>
  );
}
