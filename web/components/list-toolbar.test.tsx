// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../test/render';
import { MemoryRouter, useLocation } from 'react-router';
import { FilterSelect, ListToolbar } from './list-toolbar';

afterEach(cleanup);

const exportProps = {
  fileName: '区域-20250301',
  sheetName: '区域',
  columns: [{ key: 'name' as const, title: '名称' }],
  rows: [{ name: '芙蓉区' }],
};

describe('ListToolbar', () => {
  it('searches with the trimmed text, adds, and offers the Excel export', async () => {
    const user = userEvent.setup();
    const onSearch = vi.fn();
    const onAdd = vi.fn();
    renderInApp(
      <ListToolbar
        search={{ value: '', placeholder: '搜索区域', onSearch }}
        filters={<span>筛选</span>}
        add={{ label: '新增区域', onClick: onAdd }}
        exportProps={exportProps}
      />,
    );

    await user.type(screen.getByPlaceholderText('搜索区域'), '  芙蓉 {Enter}');
    expect(onSearch).toHaveBeenLastCalledWith('芙蓉');
    await user.click(screen.getByRole('button', { name: '新增区域' }));
    expect(onAdd).toHaveBeenCalledTimes(1);
    expect(screen.getByText('筛选')).toBeTruthy();
    expect(screen.getByRole('button', { name: '导出 Excel' }).hasAttribute('disabled')).toBe(false);
  });

  it('has no add button for a user who may not add, and no export of an empty list', () => {
    renderInApp(<ListToolbar add={null} exportProps={{ ...exportProps, rows: [] }} />);
    expect(screen.queryByRole('button', { name: '新增区域' })).toBeNull();
    expect(screen.getByRole('button', { name: '导出 Excel' }).hasAttribute('disabled')).toBe(true);
  });
});

function Address() {
  return <output aria-label="address">{useLocation().search}</output>;
}

describe('FilterSelect', () => {
  it('shows the filter of the address and, cleared, removes it and goes back to page 1', async () => {
    const user = userEvent.setup();
    renderInApp(
      <MemoryRouter initialEntries={['/parks?level=national&page=3']}>
        <FilterSelect
          param="level"
          placeholder="级别"
          options={[
            { value: 'national', label: '国家级' },
            { value: 'provincial', label: '省级' },
          ]}
        />
        <Address />
      </MemoryRouter>,
    );
    expect(screen.getByText('国家级')).toBeTruthy();
    await user.click(screen.getByLabelText('close-circle'));
    await waitFor(() => expect(screen.getByLabelText('address').textContent).toBe(''));
  });

  it('shows a value the address holds but the screen does not know only when not told to show known ones only', () => {
    const options = [{ value: 'pending', label: '待受理' }];
    renderInApp(
      <MemoryRouter initialEntries={['/tickets?state=bogus&light=bogus']}>
        <FilterSelect param="state" placeholder="状态" options={options} testId="as-is" />
        <FilterSelect param="light" placeholder="亮灯" options={options} knownOnly testId="known-only" />
      </MemoryRouter>,
    );
    expect(screen.getByTestId('as-is').textContent).toBe('bogus');
    expect(screen.getByTestId('known-only').textContent).toBe('亮灯');
  });
});
