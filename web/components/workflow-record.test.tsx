// @vitest-environment happy-dom
import { useQuery } from '@tanstack/react-query';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../test/render';
import { WorkflowRecordCard, WorkflowRecordPage, WorkflowTimeline } from './workflow-record';

afterEach(cleanup);

/** A record the test "server" knows: #7 loads, any other id fails. */
function useRecord(id: number) {
  return useQuery({
    queryKey: ['test-record', id],
    queryFn: async () => {
      if (id !== 7) throw new Error('记录不存在');
      return { id, title: '推进项目开工' };
    },
    retry: false,
  });
}

function renderRecordPage(path: string) {
  renderInApp(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route
          path="/tasks/:id"
          element={<WorkflowRecordPage useRecord={useRecord}>{(record) => <p>{`#${record.id} ${record.title}`}</p>}</WorkflowRecordPage>}
        />
      </Routes>
    </MemoryRouter>,
  );
}

describe('WorkflowRecordPage', () => {
  it('loads the record the route names and shows it', async () => {
    renderRecordPage('/tasks/7');
    expect(await screen.findByText('#7 推进项目开工')).toBeTruthy();
  });

  it('shows why the record did not load, with a retry', async () => {
    renderRecordPage('/tasks/8');
    expect(await screen.findByText('记录不存在')).toBeTruthy();
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeTruthy();
  });
});

describe('WorkflowRecordCard', () => {
  it('shows the heading and a button per move open now, and opens the dialog of the move pressed until it closes', async () => {
    const user = userEvent.setup();
    const actionDialog = vi.fn((action: 'accept' | 'return', onClose: () => void) => (
      <button type="button" onClick={onClose}>
        关闭{action}
      </button>
    ));
    const labels = { accept: '受理', return: '退回' } as const;
    renderInApp(
      <WorkflowRecordCard
        record={{ id: 12, title: '用地指标不足', actions: ['accept', 'return'] as const }}
        tags={<span>待受理</span>}
        actionLabel={(a) => labels[a]}
        actionDialog={actionDialog}
        testId="ticket"
      >
        <p>企业：示例电气</p>
      </WorkflowRecordCard>,
    );
    expect(screen.getByTestId('ticket-title').textContent).toBe('#12 用地指标不足');
    expect(screen.getByText('待受理')).toBeTruthy();
    expect(screen.getByText('企业：示例电气')).toBeTruthy();
    expect(actionDialog).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('ticket-action-return'));
    expect(actionDialog).toHaveBeenLastCalledWith('return', expect.any(Function));
    await user.click(screen.getByRole('button', { name: '关闭return' }));
    expect(screen.queryByRole('button', { name: '关闭return' })).toBeNull();
    expect(screen.getByTestId('ticket-action-accept').textContent).toMatch(/受\s*理/);
  });

  it('offers no button when no move is open to the caller', () => {
    renderInApp(
      <WorkflowRecordCard
        record={{ id: 3, title: '任务', actions: [] }}
        tags={null}
        actionLabel={String}
        actionDialog={vi.fn()}
        testId="task"
      >
        <p>—</p>
      </WorkflowRecordCard>,
    );
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});

describe('WorkflowTimeline', () => {
  it('lists each step with who took it in which role, when, and its note', () => {
    renderInApp(
      <WorkflowTimeline
        title="办理过程"
        testId="ticket-timeline"
        events={[
          { id: 1, label: '登记', color: 'blue', actorName: '王链办', actorRole: 'chain_office', when: '2024-06-03 09:30', note: null },
          {
            id: 2,
            label: '交办',
            color: 'red',
            actorName: '李链长',
            actorRole: 'chain_chief',
            when: '2024-06-04 10:00',
            note: '请一周内答复',
          },
        ]}
      />,
    );
    const items = within(screen.getByTestId('ticket-timeline')).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toBe('登记 王链办（链办）2024-06-03 09:30');
    expect(items[1]?.textContent).toBe('交办 李链长（链长）2024-06-04 10:00请一周内答复');
  });
});
