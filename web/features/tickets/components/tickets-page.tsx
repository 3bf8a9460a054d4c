import { useState } from 'react';
import { Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import {
  TICKET_CATEGORIES,
  TICKET_LIGHTS,
  TICKET_STATES,
  ticketCategorySchema,
  ticketLightSchema,
  ticketStateSchema,
  type TicketItem,
} from '../../../../shared/contracts/tickets';
import { AGENDA_READER_ROLES } from '../../../../shared/contracts/agenda';
import { roleIn } from '../../../../shared/roles';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { FilterSelect } from '../../../components/list-toolbar';
import { paths } from '../../../config/paths';
import { useMe } from '../../../hooks/use-me';
import { usePageParams } from '../../../hooks/use-page-params';
import { fetchAllPages } from '../../../lib/all-pages';
import { useT } from '../../../lib/i18n';
import { getTickets, useTickets } from '../api/get-tickets';
import { CalendarWarning } from './calendar-warning';
import { TicketFormModal } from './ticket-form-modal';
import { TicketLightTag } from './ticket-light';

/** Roles that file problems: the enterprise for itself, staff on a firm's behalf. */
export const FILING_ROLES = ['admin', 'enterprise', 'chain_office', 'park', 'county'] as const;

/** 问题交办: the caller's tickets with state, category and light filters, paging and export. */
export function TicketsPage() {
  const t = useT();
  const me = useMe();
  const role = me.data?.user.role;
  const { page, pageSize, q } = usePageParams();
  const [searchParams] = useSearchParams();
  const state = ticketStateSchema.safeParse(searchParams.get('state')).data;
  const category = ticketCategorySchema.safeParse(searchParams.get('category')).data;
  const light = ticketLightSchema.safeParse(searchParams.get('light')).data;
  const filter = { q: q || undefined, state, category, light };
  const tickets = useTickets({ page, pageSize, ...filter });
  const [filing, setFiling] = useState(false);
  const filtered = q !== '' || state !== undefined || category !== undefined || light !== undefined;
  const separator = t('common.listSeparator');

  const columns: DataColumn<TicketItem>[] = [
    { key: 'id', title: '#', dataIndex: 'id', width: 70, excelWidth: 8 },
    { key: 'title', title: t('tickets.title'), dataIndex: 'title', href: (r) => paths.problem.getHref(r.id), excelWidth: 30 },
    { key: 'enterprise', title: t('tickets.enterprise'), dataIndex: 'enterpriseName', excelWidth: 30 },
    { key: 'category', title: t('tickets.category'), excel: (r) => t(`tickets.category.${r.category}`), excelWidth: 10 },
    {
      key: 'state',
      title: t('tickets.state'),
      render: (_, r) => <Tag>{t(`tickets.state.${r.state}`)}</Tag>,
      excel: (r) => t(`tickets.state.${r.state}`),
      excelWidth: 10,
    },
    { key: 'leadUnit', title: t('tickets.leadUnit'), excel: (r) => r.leadUnit, excelWidth: 20 },
    { key: 'coUnits', title: t('tickets.coUnits'), excel: (r) => r.coUnits.join(separator), excelWidth: 24, excelOnly: true },
    { key: 'filedOn', title: t('tickets.filedOn'), dataIndex: 'filedOn', width: 110, excelWidth: 12 },
    { key: 'deadline', title: t('tickets.deadline'), excel: (r) => r.deadline, width: 110, excelWidth: 12 },
    {
      key: 'light',
      title: t('tickets.light'),
      render: (_, r) => <TicketLightTag light={r.light} />,
      excel: (r) => (r.light === null ? null : t(`tickets.light.${r.light}`)),
      width: 90,
      excelWidth: 8,
    },
    { key: 'rating', title: t('tickets.rating'), dataIndex: 'rating', excelWidth: 8, excelOnly: true },
  ];
  /** The list's filters: each one pick of its values, kept in the address. */
  const filters = [
    {
      param: 'state',
      width: 130,
      testId: 'tickets-state',
      options: TICKET_STATES.map((v) => ({ value: v, label: t(`tickets.state.${v}`) })),
    },
    { param: 'category', width: 120, options: TICKET_CATEGORIES.map((v) => ({ value: v, label: t(`tickets.category.${v}`) })) },
    {
      param: 'light',
      width: 110,
      testId: 'tickets-light',
      options: TICKET_LIGHTS.map((v) => ({ value: v, label: t(`tickets.light.${v}`) })),
    },
  ] as const;
  const loadAll = () => fetchAllPages((p, size) => getTickets({ ...filter, page: p, pageSize: size }));
  const mayFile = role !== undefined && (FILING_ROLES as readonly string[]).includes(role);

  return (
    <Card
      title={t('tickets.pageTitle')}
      extra={
        <Space>
          {roleIn(AGENDA_READER_ROLES, role) ? (
            <Link to={paths.problemAgenda.getHref()}>
              <Button data-testid="tickets-agenda-link">{t('agenda.link')}</Button>
            </Link>
          ) : null}
          <Link to={paths.problemStats.getHref()}>
            <Button data-testid="tickets-stats-link">{t('tickets.stats.title')}</Button>
          </Link>
        </Space>
      }
    >
      <CalendarWarning />
      <DataTable<TicketItem>
        query={tickets}
        columns={columns}
        paging="server"
        testId="tickets-table"
        exportName={t('tickets.pageTitle')}
        loadAllRows={loadAll}
        empty={filtered ? t('tickets.emptyFiltered') : mayFile ? t('tickets.emptyFile') : t('tickets.empty')}
        toolbar={{
          search: { placeholder: t('tickets.searchPlaceholder'), testId: 'tickets-search' },
          filters: filters.map((f) => <FilterSelect key={f.param} knownOnly placeholder={t(`tickets.${f.param}`)} {...f} />),
          add: mayFile ? { label: t('tickets.file'), onClick: () => setFiling(true), testId: 'ticket-file' } : null,
        }}
      />
      {filing ? <TicketFormModal onClose={() => setFiling(false)} /> : null}
    </Card>
  );
}

/** 我要反映问题: the button and its dialog (the enterprise home shows it beside 填报本月数据). */
export function FileTicketButton() {
  const t = useT();
  const [filing, setFiling] = useState(false);
  return (
    <>
      <Button onClick={() => setFiling(true)} data-testid="home-file-ticket">
        {t('tickets.file')}
      </Button>
      {filing ? <TicketFormModal onClose={() => setFiling(false)} /> : null}
    </>
  );
}

/** The enterprise's own tickets on its home (the router puts it on the start page; 反映问题 is on the status card above). */
export function EnterpriseTicketsHome() {
  const t = useT();
  const tickets = useTickets({ page: 1, pageSize: 10 });
  const columns: TableColumnsType<TicketItem> = [
    { key: 'title', title: t('tickets.title'), render: (_, r) => <Link to={paths.problem.getHref(r.id)}>{r.title}</Link> },
    { key: 'state', title: t('tickets.state'), render: (_, r) => <Tag>{t(`tickets.state.${r.state}`)}</Tag> },
    { key: 'filedOn', title: t('tickets.filedOn'), dataIndex: 'filedOn' },
  ];
  return (
    <Card title={t('tickets.mine')}>
      {tickets.error ? <ErrorAlert error={tickets.error} onRetry={() => void tickets.refetch()} /> : null}
      <Table<TicketItem>
        rowKey="id"
        size="small"
        data-testid="home-tickets"
        columns={columns}
        dataSource={tickets.data?.items ?? []}
        loading={tickets.isFetching}
        pagination={false}
        locale={{ emptyText: t('tickets.emptyMine') }}
      />
    </Card>
  );
}
