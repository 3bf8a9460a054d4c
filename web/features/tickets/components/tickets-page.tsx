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
import { ErrorAlert } from '../../../components/error-alert';
import type { ExcelCell, ExcelColumn } from '../../../components/export-excel-button';
import { FilterSelect, ListToolbar } from '../../../components/list-toolbar';
import { paths } from '../../../config/paths';
import { useMe } from '../../../hooks/use-me';
import { pagePagination, usePageParams } from '../../../hooks/use-page-params';
import { fetchAllPages } from '../../../lib/all-pages';
import { formatDateStamp } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { getTickets, useTickets } from '../api/get-tickets';
import { CalendarWarning } from './calendar-warning';
import { TicketFormModal } from './ticket-form-modal';
import { TicketLightTag } from './ticket-light';

type ExportKey =
  'id' | 'title' | 'enterprise' | 'category' | 'state' | 'leadUnit' | 'coUnits' | 'filedOn' | 'deadline' | 'light' | 'rating';

/** Roles that read a chain's meeting agenda (议题). */
const AGENDA_ROLES: readonly string[] = ['admin', 'leader', 'chain_chief', 'chain_office'];

/** Roles that file problems: the enterprise for itself, staff on a firm's behalf. */
export const FILING_ROLES = ['admin', 'enterprise', 'chain_office', 'park', 'county'] as const;

/** 问题交办: the caller's tickets with state, category and light filters, paging and export. */
export function TicketsPage() {
  const t = useT();
  const me = useMe();
  const role = me.data?.user.role;
  const { page, pageSize, q, update } = usePageParams();
  const [searchParams] = useSearchParams();
  const state = ticketStateSchema.safeParse(searchParams.get('state')).data;
  const category = ticketCategorySchema.safeParse(searchParams.get('category')).data;
  const light = ticketLightSchema.safeParse(searchParams.get('light')).data;
  const filter = { q: q || undefined, state, category, light };
  const tickets = useTickets({ page, pageSize, ...filter });
  const [filing, setFiling] = useState(false);
  const rows = tickets.data?.items ?? [];
  const filtered = q !== '' || state !== undefined || category !== undefined || light !== undefined;
  const separator = t('common.listSeparator');

  const columns: TableColumnsType<TicketItem> = [
    { key: 'id', title: '#', dataIndex: 'id', width: 70 },
    { key: 'title', title: t('tickets.title'), render: (_, r) => <Link to={paths.problem.getHref(r.id)}>{r.title}</Link> },
    { key: 'enterprise', title: t('tickets.enterprise'), dataIndex: 'enterpriseName' },
    { key: 'category', title: t('tickets.category'), render: (_, r) => t(`tickets.category.${r.category}`) },
    { key: 'state', title: t('tickets.state'), render: (_, r) => <Tag>{t(`tickets.state.${r.state}`)}</Tag> },
    { key: 'leadUnit', title: t('tickets.leadUnit'), render: (_, r) => r.leadUnit ?? '—' },
    { key: 'filedOn', title: t('tickets.filedOn'), dataIndex: 'filedOn', width: 110 },
    { key: 'deadline', title: t('tickets.deadline'), render: (_, r) => r.deadline ?? '—', width: 110 },
    { key: 'light', title: t('tickets.light'), render: (_, r) => <TicketLightTag light={r.light} />, width: 90 },
  ];
  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'id', title: '#', width: 8 },
    { key: 'title', title: t('tickets.title'), width: 30 },
    { key: 'enterprise', title: t('tickets.enterprise'), width: 30 },
    { key: 'category', title: t('tickets.category'), width: 10 },
    { key: 'state', title: t('tickets.state'), width: 10 },
    { key: 'leadUnit', title: t('tickets.leadUnit'), width: 20 },
    { key: 'coUnits', title: t('tickets.coUnits'), width: 24 },
    { key: 'filedOn', title: t('tickets.filedOn'), width: 12 },
    { key: 'deadline', title: t('tickets.deadline'), width: 12 },
    { key: 'light', title: t('tickets.light'), width: 8 },
    { key: 'rating', title: t('tickets.rating'), width: 8 },
  ];
  const exportRow = (r: TicketItem): Record<ExportKey, ExcelCell> => ({
    id: r.id,
    title: r.title,
    enterprise: r.enterpriseName,
    category: t(`tickets.category.${r.category}`),
    state: t(`tickets.state.${r.state}`),
    leadUnit: r.leadUnit,
    coUnits: r.coUnits.join(separator),
    filedOn: r.filedOn,
    deadline: r.deadline,
    light: r.light === null ? null : t(`tickets.light.${r.light}`),
    rating: r.rating,
  });
  const loadAll = async () => (await fetchAllPages((p, size) => getTickets({ ...filter, page: p, pageSize: size }))).map(exportRow);
  const mayFile = role !== undefined && (FILING_ROLES as readonly string[]).includes(role);

  return (
    <Card
      title={t('tickets.pageTitle')}
      extra={
        <Space>
          {role !== undefined && AGENDA_ROLES.includes(role) ? (
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
      <ListToolbar
        search={{
          value: q,
          placeholder: t('tickets.searchPlaceholder'),
          testId: 'tickets-search',
          onSearch: (value) => update({ q: value, page: 1 }),
        }}
        filters={
          <>
            <FilterSelect
              param="state"
              knownOnly
              placeholder={t('tickets.state')}
              width={130}
              options={TICKET_STATES.map((s) => ({ value: s, label: t(`tickets.state.${s}`) }))}
              testId="tickets-state"
            />
            <FilterSelect
              param="category"
              knownOnly
              placeholder={t('tickets.category')}
              width={120}
              options={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(`tickets.category.${c}`) }))}
            />
            <FilterSelect
              param="light"
              knownOnly
              placeholder={t('tickets.light')}
              width={110}
              options={TICKET_LIGHTS.map((l) => ({ value: l, label: t(`tickets.light.${l}`) }))}
              testId="tickets-light"
            />
          </>
        }
        add={mayFile ? { label: t('tickets.file'), onClick: () => setFiling(true), testId: 'ticket-file' } : null}
        exportProps={{
          fileName: `${t('tickets.pageTitle')}-${formatDateStamp()}`,
          sheetName: t('tickets.pageTitle'),
          columns: exportColumns,
          rows: rows.map(exportRow),
          loadRows: loadAll,
        }}
      />
      {tickets.error ? <ErrorAlert error={tickets.error} onRetry={() => void tickets.refetch()} /> : null}
      <Table<TicketItem>
        rowKey="id"
        data-testid="tickets-table"
        columns={columns}
        dataSource={rows}
        loading={tickets.isFetching}
        locale={{ emptyText: filtered ? t('tickets.emptyFiltered') : mayFile ? t('tickets.emptyFile') : t('tickets.empty') }}
        pagination={pagePagination({ page, pageSize, update }, tickets.data?.total ?? 0, (total) => t('common.total', { total }))}
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
