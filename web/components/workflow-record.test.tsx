// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../test/render';
import { WorkflowRecordCard, WorkflowTimeline } from './workflow-record';

afterEach(cleanup);

describe('WorkflowRecordCard', () => {
  it('shows the heading and a button per move open now, and names the move pressed', async () => {
    const user = userEvent.setup();
    const onAction = vi.fn();
    const labels = { accept: '受理', return: '退回' } as const;
    renderInApp(
      <WorkflowRecordCard
        heading="#12 用地指标不足"
        tags={<span>待受理</span>}
        actions={['accept', 'return'] as const}
        actionLabel={(a) => labels[a]}
        onAction={onAction}
        testId="ticket"
      >
        <p>企业：示例电气</p>
      </WorkflowRecordCard>,
    );
    expect(screen.getByTestId('ticket-title').textContent).toBe('#12 用地指标不足');
    expect(screen.getByText('待受理')).toBeTruthy();
    expect(screen.getByText('企业：示例电气')).toBeTruthy();
    await user.click(screen.getByTestId('ticket-action-return'));
    expect(onAction).toHaveBeenCalledWith('return');
    expect(screen.getByTestId('ticket-action-accept').textContent).toMatch(/受\s*理/);
  });

  it('offers no button when no move is open to the caller', () => {
    renderInApp(
      <WorkflowRecordCard heading="#3 任务" tags={null} actions={[]} actionLabel={String} onAction={vi.fn()} testId="task">
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
