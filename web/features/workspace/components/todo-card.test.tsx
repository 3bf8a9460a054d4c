// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInApp } from '../../../test/render';
import { TodoCard } from './todo-card';

afterEach(cleanup);

describe('TodoCard', () => {
  it('links each item to its page with its count, and tags the overdue ones', () => {
    renderInApp(
      <MemoryRouter>
        <TodoCard
          role="leader"
          items={[
            {
              kind: 'period_review',
              count: 1,
              params: { count: 1, period: '2026-10' },
              dueDate: null,
              overdue: false,
              path: '/periods?period=2026-10',
            },
            { kind: 'tickets_overdue', count: 7, params: { count: 7 }, dueDate: null, overdue: true, path: '/problems?light=red' },
          ]}
        />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: '2026-10 月度数据待审核发布' }).getAttribute('href')).toBe('/periods?period=2026-10');
    expect(screen.getByRole('link', { name: '7 件问题逾期（红灯）' }).getAttribute('href')).toBe('/problems?light=red');
    expect(screen.getAllByText('逾期')).toHaveLength(1);
    expect(screen.getByText('7')).toBeTruthy();
  });

  it('says there is nothing to do today and what the role usually does', () => {
    renderInApp(
      <MemoryRouter>
        <TodoCard role="enterprise" items={[]} />
      </MemoryRouter>,
    );
    expect(screen.getByText('今日无待办')).toBeTruthy();
    expect(screen.getByText('企业通常在此按月填报数据、反映问题并评价办理结果。')).toBeTruthy();
  });
});
