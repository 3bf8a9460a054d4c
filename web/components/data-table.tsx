import type { Key, ReactNode } from 'react';
import { Empty, Space, Table, Tag, type TableColumnType, type TableProps } from 'antd';
import { Link } from 'react-router';
import { pagePagination, usePageParams } from '../hooks/use-page-params';
import { formatDateStamp } from '../lib/format';
import { isForbidden } from '../lib/errors';
import { useT } from '../lib/i18n';
import { ErrorAlert } from './error-alert';
import type { ExcelCell, ExcelColumn } from './export-excel-button';
import { ListToolbar, type ListToolbarProps, type SearchBoxProps } from './list-toolbar';

/**
 * A column of a {@link DataTable}: an antd column that also says what goes into the Excel file.
 * It is exported with `excel(row)`, or else the field its `dataIndex` names; a column with neither
 * (the row's buttons) stays out of the file.
 */
export type DataColumn<T> = Omit<TableColumnType<T>, 'key' | 'title'> & {
  key: string;
  /** The header, already translated; the Excel header too unless `excelTitle` is given. */
  title: string;
  /**
   * The cell's plain value in the Excel file (text, number, or null for an empty cell); the table shows
   * it too ('—' for null) when the column has neither `render` nor `dataIndex`.
   */
  excel?: (row: T) => ExcelCell;
  excelTitle?: string;
  /** The Excel column width in characters (16 by default). */
  excelWidth?: number;
  /** `true`: in the Excel file only, not in the table (a long text the table opens on a click). */
  excelOnly?: boolean;
  /** The cell links to this address (the record's own page); it shows the cell's value. */
  href?: (row: T) => string;
  /** The cell shows its value as a tag of this colour (a kind, a level). */
  tag?: (row: T) => string | undefined;
  /** The cell shows these (tags, links to chains) side by side, wrapping; the Excel value stays `excel(row)`. */
  list?: (row: T) => ReactNode[];
};

/**
 * What the table reads of the query that loads its rows (a TanStack `useQuery` result fits): the rows
 * are `data.items` and a server-paged list's size is `data.total`.
 */
export type DataTableQuery<T> = {
  isFetching: boolean;
  error: Error | null;
  refetch: () => unknown;
  data?: { items: readonly T[]; total?: number };
};

export type DataTableProps<T extends object> = {
  /**
   * The query behind the rows: its `data.items` are the rows, loading shows on the table, a failure above
   * it with 重试. Without it, `rows` are the rows (a table of what the page already holds).
   */
  query?: DataTableQuery<T>;
  /** Loading, where the parent fetches the rows (no `query`). */
  loading?: boolean;
  /** The rows where they are not the query's `data.items` (a short list searched in the browser). */
  rows?: readonly T[];
  /** `id` by default. */
  rowKey?: (keyof T & string) | ((row: T) => Key);
  columns: ReadonlyArray<DataColumn<T> | false | null | undefined>;
  /**
   * What an empty table says, and what to do about it ("还没有园区，点击「新增园区」添加"), or a
   * whole node (an {@link Empty} with a button); give the filtered wording when a search or filter is set.
   * `null` only for a table the page shows when it has rows (an import's errors).
   */
  empty: ReactNode;
  /**
   * Names the Excel file and its sheet; every table exports. Parts (`[chain.name, '环节']`) are joined
   * with '-' for the file (`<parts>-<date>.xlsx`) and the last names the sheet.
   */
  exportName: string | readonly string[];
  /** The sheet name where it is not the last part of `exportName` (`预警` for `['预警', '2025-03']`). */
  sheetName?: string;
  /**
   * The Excel file's title row, period and unit (above the header row): the title is `exportName`'s parts
   * joined by spaces unless given; give the period and the unit wherever the table holds figures.
   */
  exportHeading?: { title?: string; period?: string | null; unit?: string | null };
  /** A paged list: loads every row of the current search and filters for the export (see `fetchAllPages`). */
  loadAllRows?: () => Promise<readonly T[]>;
  /**
   * Paging. `'server'`: the server pages (`data.total` rows in all), and page and size live in the
   * address ({@link usePageParams}); `'client'`: the loaded rows, 50 to a page; absent: every row on one page.
   */
  paging?: 'server' | 'client';
  /**
   * Search box, filters and add button above the table (the Excel button joins them on the right). A
   * search box without `value` and `onSearch` follows the address's `q` (a new search goes to page 1).
   */
  toolbar?: Omit<ListToolbarProps<string>, 'exportProps' | 'search'> & {
    search?: Omit<SearchBoxProps, 'value' | 'onSearch'> & Partial<Pick<SearchBoxProps, 'value' | 'onSearch'>>;
  };
  /** Between the toolbar and the table: a notice, the rules behind the list, tabs. */
  aboveTable?: ReactNode;
  testId?: string;
  /** Other antd table props: `expandable`, `scroll`, `size`, `onRow`. */
  tableProps?: Omit<TableProps<T>, 'columns' | 'dataSource' | 'rowKey' | 'loading' | 'pagination' | 'locale'>;
};

function isColumn<T>(column: DataColumn<T> | false | null | undefined): column is DataColumn<T> {
  return Boolean(column);
}

function asCell(value: unknown): ExcelCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** The Excel value of one cell: `excel(row)`, or the field `dataIndex` names. */
function excelValue<T extends object>(column: DataColumn<T>, row: T): ExcelCell {
  if (column.excel) return column.excel(row);
  return typeof column.dataIndex === 'string' ? asCell(Reflect.get(row, column.dataIndex)) : null;
}

/**
 * The antd column of a {@link DataColumn}: its own `render`, or else its value (`excel(row)` or the
 * `dataIndex` field; '—' for none) as a link (`href`), a tag (`tag`) or plain text; or the row's
 * `list` side by side.
 */
function tableColumn<T extends object>(column: DataColumn<T>): TableColumnType<T> {
  const { excel, excelTitle: _title, excelWidth: _width, excelOnly: _only, href, tag, list, ...antd } = column;
  if (list) {
    return {
      ...antd,
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          {list(row)}
        </Space>
      ),
    };
  }
  if (antd.render || (antd.dataIndex !== undefined && !href && !tag) || (!excel && antd.dataIndex === undefined)) return antd;
  const render = (row: T): ReactNode => {
    const value = excelValue(column, row) ?? '—';
    if (href) return <Link to={href(row)}>{value}</Link>;
    if (tag) return <Tag color={tag(row)}>{value}</Tag>;
    return value;
  };
  return { ...antd, render: (_, row) => render(row) };
}

/** The Excel columns and rows of a table's columns (those with `excel` or a `dataIndex`). */
export function excelSheet<T extends object>(columns: ReadonlyArray<DataColumn<T>>, rows: readonly T[]) {
  const exported = columns.filter((c) => c.excel !== undefined || typeof c.dataIndex === 'string');
  const excelColumns: ExcelColumn<string>[] = exported.map((c) => ({ key: c.key, title: c.excelTitle ?? c.title, width: c.excelWidth }));
  const toRow = (row: T): Record<string, ExcelCell> => Object.fromEntries(exported.map((c) => [c.key, excelValue(c, row)]));
  return { columns: excelColumns, rows: rows.map(toRow), toRow };
}

/**
 * The list table of a page or a card: the toolbar (search, filters, add, 导出 Excel), the query's
 * failure with 重试, the table with its loading state, an empty state that says what to do, and paging
 * (server paging bound to the address). The columns say once what the table shows and what the
 * Excel file holds.
 *
 * ```tsx
 * const parks = useParks({ page, pageSize, q: q || undefined });
 * <DataTable<ParkListItem>
 *   query={parks}
 *   columns={[{ key: 'name', title: t('parks.name'), dataIndex: 'name', excelWidth: 30 }, rowActionsColumn(t, …)]}
 *   paging="server" testId="parks-table" exportName={t('parks.title')} loadAllRows={loadAll}
 *   empty={filtered ? t('parks.emptyFiltered') : t('parks.empty')}
 *   toolbar={{ search: { placeholder: t('parks.searchPlaceholder') }, filters: <FilterSelect param="level" … />, add: { label, onClick } }}
 * />
 * ```
 */
export function DataTable<T extends object>(props: DataTableProps<T>) {
  const t = useT();
  const params = usePageParams();
  const columns = props.columns.filter(isColumn);
  const { query } = props;
  const search = props.toolbar?.search;
  const parts = typeof props.exportName === 'string' ? [props.exportName] : props.exportName;
  const rows = props.rows ?? query?.data?.items ?? [];
  const sheet = excelSheet(columns, rows);
  const loadAllRows = props.loadAllRows;
  const showTotal = (total: number) => t('common.total', { total });
  const pagination: TableProps<T>['pagination'] =
    props.paging === undefined
      ? false
      : props.paging === 'client'
        ? { defaultPageSize: 50, hideOnSinglePage: true, showTotal }
        : pagePagination(params, query?.data?.total ?? 0, showTotal);
  const tableColumns = columns.filter((c) => !c.excelOnly).map(tableColumn);
  // Refused: one message, no toolbar, no retry and no empty table beside it.
  if (query?.error && isForbidden(query.error)) return <ErrorAlert error={query.error} />;

  return (
    <>
      <ListToolbar
        {...props.toolbar}
        search={search && { value: params.q, onSearch: (q) => params.update({ q, page: 1 }), ...search }}
        exportProps={{
          fileName: [...parts, formatDateStamp()].join('-'),
          sheetName: props.sheetName ?? parts[parts.length - 1] ?? '',
          title: props.exportHeading?.title ?? parts.join(' '),
          period: props.exportHeading?.period,
          unit: props.exportHeading?.unit,
          columns: sheet.columns,
          rows: sheet.rows,
          loadRows: loadAllRows ? async () => (await loadAllRows()).map(sheet.toRow) : undefined,
        }}
      />
      {props.aboveTable}
      {query?.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<T>
        {...props.tableProps}
        // Wide tables scroll inside their card, never the page (a phone is 390 px wide).
        scroll={{ x: 'max-content', ...props.tableProps?.scroll }}
        rowKey={props.rowKey ?? 'id'}
        data-testid={props.testId}
        columns={tableColumns}
        dataSource={[...rows]}
        loading={query?.isFetching ?? props.loading ?? false}
        pagination={pagination}
        locale={{
          emptyText:
            typeof props.empty === 'string' ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} /> : props.empty,
        }}
      />
    </>
  );
}
