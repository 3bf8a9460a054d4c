// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../test/render';
import { DataTable, excelSheet, type DataColumn, type DataTableQuery } from './data-table';
import { rowActionsColumn } from './row-actions';

afterEach(cleanup);

type Park = { id: number; name: string; level: 'national' | 'provincial'; areaHectares: number | null; notes: string };

const parks: Park[] = [
  { id: 1, name: '示例高新区', level: 'national', areaHectares: 1250, notes: '示例备注' },
  { id: 2, name: '示例工业园', level: 'provincial', areaHectares: null, notes: '' },
];

const columns: DataColumn<Park>[] = [
  { key: 'name', title: '名称', dataIndex: 'name', excelWidth: 30, href: (p) => `/parks/${p.id}` },
  {
    key: 'level',
    title: '级别',
    excel: (p) => (p.level === 'national' ? '国家级' : '省级'),
    tag: (p) => (p.level === 'national' ? 'red' : 'blue'),
  },
  { key: 'area', title: '面积（平方公里）', excel: (p) => (p.areaHectares === null ? null : p.areaHectares / 100) },
  { key: 'notes', title: '备注', excelOnly: true, excel: (p) => p.notes },
  { key: 'actions', title: '操作', render: () => <button type="button">按钮</button> },
];

/** Shows the address, so a test can read what paging and search wrote into it. */
function Address() {
  const location = useLocation();
  return <output aria-label="address">{location.search}</output>;
}

function query(items: Park[], total = items.length, extra: Partial<DataTableQuery<Park>> = {}): DataTableQuery<Park> {
  return { isFetching: false, error: null, refetch: vi.fn(), data: { items, total }, ...extra };
}

function renderTable(ui: React.ReactElement, address = '/parks') {
  return renderInApp(
    <MemoryRouter initialEntries={[address]}>
      {ui}
      <Address />
    </MemoryRouter>,
  );
}

describe('excelSheet', () => {
  it('exports the columns with an Excel value or a dataIndex, in order, and leaves the row buttons out', () => {
    const sheet = excelSheet(columns, parks);
    expect(sheet.columns).toEqual([
      { key: 'name', title: '名称', width: 30 },
      { key: 'level', title: '级别', width: undefined },
      { key: 'area', title: '面积（平方公里）', width: undefined },
      { key: 'notes', title: '备注', width: undefined },
    ]);
    expect(sheet.rows).toEqual([
      { name: '示例高新区', level: '国家级', area: 12.5, notes: '示例备注' },
      { name: '示例工业园', level: '省级', area: null, notes: '' },
    ]);
  });
});

describe('DataTable', () => {
  it('shows each row with links, tags and — for no value, without the Excel-only column', () => {
    renderTable(<DataTable<Park> query={query(parks)} columns={columns} exportName="园区" empty="还没有园区" testId="parks" />);
    const table = screen.getByTestId('parks');
    expect(within(table).getByRole('link', { name: '示例高新区' }).getAttribute('href')).toBe('/parks/1');
    expect(within(table).getByText('国家级')).toBeTruthy();
    expect(within(table).getByText('12.5')).toBeTruthy();
    expect(within(table).getByText('—')).toBeTruthy();
    expect(within(table).queryByText('备注')).toBeNull();
    expect(within(table).getAllByRole('button', { name: '按钮' })).toHaveLength(2);
    expect(screen.getByRole('button', { name: '导出 Excel' }).hasAttribute('disabled')).toBe(false);
  });

  it('says what to do when the list is empty, and offers no export of nothing', () => {
    renderTable(<DataTable<Park> query={query([])} columns={columns} exportName="园区" empty="还没有园区。点击「新增园区」添加。" />);
    expect(screen.getByText('还没有园区。点击「新增园区」添加。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '导出 Excel' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows a failed load with 重试, which loads again', async () => {
    const user = userEvent.setup();
    const failed = query([], 0, { error: new Error('服务暂不可用') });
    renderTable(<DataTable<Park> query={failed} columns={columns} exportName="园区" empty="还没有园区" />);
    expect(screen.getByText('服务暂不可用')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(failed.refetch).toHaveBeenCalledTimes(1);
  });

  it('pages on the server with the page in the address, and a search goes back to page 1', async () => {
    const user = userEvent.setup();
    renderTable(
      <DataTable<Park>
        query={query(parks, 45)}
        columns={columns}
        exportName="园区"
        empty="还没有园区"
        paging="server"
        toolbar={{ search: { placeholder: '搜索园区' } }}
      />,
      '/parks?page=2',
    );
    expect(screen.getByText('共 45 条')).toBeTruthy();
    await user.click(screen.getByTitle('3'));
    const address = () => new URLSearchParams(screen.getByLabelText('address').textContent ?? '');
    await waitFor(() => expect(address().get('page')).toBe('3'));

    await user.type(screen.getByPlaceholderText('搜索园区'), ' 高新 {Enter}');
    await waitFor(() => expect(address().get('q')).toBe('高新'));
    expect(address().get('page')).toBeNull();
  });

  it('puts edit and a confirmed delete in the 操作 column, worded by the row’s name', async () => {
    const user = userEvent.setup();
    const onDelete = vi.fn().mockResolvedValue(undefined);
    renderTable(
      <DataTable<Park>
        rows={parks.slice(0, 1)}
        columns={[
          columns[0],
          rowActionsColumn<Park>(
            (key) => (key === 'common.actions' ? '操作' : key),
            (p) => ({ name: p.name, onEdit: vi.fn(), onDelete }),
          ),
        ]}
        exportName="园区"
        empty="还没有园区"
      />,
    );
    expect(screen.getByRole('button', { name: /编\s*辑/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /删\s*除/ }));
    expect(await screen.findByText('确定删除“示例高新区”吗？删除后不可恢复。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(onDelete).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('已删除“示例高新区”')).toBeTruthy();
  });
});
