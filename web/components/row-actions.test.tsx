// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import { renderInApp } from '../test/render';
import { RowActions } from './row-actions';

afterEach(cleanup);

describe('RowActions', () => {
  it('asks for confirmation before deleting, then deletes once and says so', async () => {
    const user = userEvent.setup();
    const onDelete = vi.fn().mockResolvedValue(undefined);
    const onEdit = vi.fn();
    renderInApp(
      <RowActions
        editLabel="编辑"
        onEdit={onEdit}
        deleteLabel="删除"
        confirmTitle="删除区域「芙蓉区」？"
        onDelete={onDelete}
        deletedMessage="已删除芙蓉区"
      />,
    );

    await user.click(screen.getByRole('button', { name: /删\s*除/ }));
    expect(await screen.findByText('删除区域「芙蓉区」？')).toBeTruthy();
    expect(onDelete).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(onDelete).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('已删除芙蓉区')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /编\s*辑/ }));
    expect(onEdit).toHaveBeenCalledTimes(1);
  });

  it('does not delete when the confirmation is cancelled', async () => {
    const user = userEvent.setup();
    const onDelete = vi.fn().mockResolvedValue(undefined);
    renderInApp(<RowActions deleteLabel="删除" confirmTitle="删除这个目标？" onDelete={onDelete} />);

    await user.click(screen.getByRole('button', { name: /删\s*除/ }));
    await user.click(await screen.findByRole('button', { name: /取\s*消/ }));
    expect(onDelete).not.toHaveBeenCalled();
    // No edit button without an edit label.
    expect(screen.queryByRole('button', { name: /编\s*辑/ })).toBeNull();
  });

  it('disables delete while the row is in use, and never asks', async () => {
    const user = userEvent.setup();
    const onDelete = vi.fn();
    renderInApp(<RowActions deleteLabel="删除" confirmTitle="删除？" onDelete={onDelete} blockedReason="还有 3 个园区" />);

    const button = screen.getByRole('button', { name: /删\s*除/ });
    expect(button.hasAttribute('disabled')).toBe(true);
    await user.click(button).catch(() => undefined);
    expect(screen.queryByText('删除？')).toBeNull();
    expect(onDelete).not.toHaveBeenCalled();
  });
});
