// @vitest-environment happy-dom
import { useState } from 'react';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form, InputNumber } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../test/render';
import { SettingsModal } from './settings-modal';

afterEach(cleanup);

type Values = { minFirms: number };

function Settings({ save, saved }: { save: (v: Values) => Promise<void>; saved: Values | undefined }) {
  const [open, setOpen] = useState(true);
  if (!open) return <p>closed</p>;
  return (
    <SettingsModal<Values>
      title="缺口阈值"
      confirmText="所有产业链图谱将随之改变，确认保存？"
      okText="保存"
      loading={false}
      initialValues={saved}
      onSubmit={save}
      onClose={() => setOpen(false)}
      footer={<span>上次修改：2024-06-01</span>}
    >
      <Form.Item name="minFirms" label="最少企业数">
        <InputNumber />
      </Form.Item>
    </SettingsModal>
  );
}

describe('SettingsModal', () => {
  it('shows the saved settings and when they were saved', () => {
    renderInApp(<Settings save={vi.fn()} saved={{ minFirms: 3 }} />);
    expect(screen.getByLabelText<HTMLInputElement>('最少企业数').value).toBe('3');
    expect(screen.getByText('上次修改：2024-06-01')).toBeTruthy();
  });

  it('saves only after the confirmation, then closes', async () => {
    const user = userEvent.setup();
    const save = vi.fn().mockResolvedValue(undefined);
    renderInApp(<Settings save={save} saved={{ minFirms: 3 }} />);

    await user.clear(screen.getByLabelText('最少企业数'));
    await user.type(screen.getByLabelText('最少企业数'), '5');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    const confirm = await screen.findByText('所有产业链图谱将随之改变，确认保存？');
    expect(save).not.toHaveBeenCalled();

    const dialog = confirm.closest<HTMLElement>('.ant-modal-confirm') ?? document.body;
    await user.click(within(dialog).getByRole('button', { name: /确\s*定|确\s*认/ }));
    await screen.findByText('closed');
    expect(save).toHaveBeenCalledWith({ minFirms: 5 });
  });

  it('keeps the dialog open and saves nothing when the confirmation is cancelled', async () => {
    const user = userEvent.setup();
    const save = vi.fn().mockResolvedValue(undefined);
    renderInApp(<Settings save={save} saved={{ minFirms: 3 }} />);

    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    const confirm = await screen.findByText('所有产业链图谱将随之改变，确认保存？');
    const dialog = confirm.closest<HTMLElement>('.ant-modal-confirm') ?? document.body;
    await user.click(within(dialog).getByRole('button', { name: /取\s*消/ }));
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByLabelText('最少企业数')).toBeTruthy();
    expect(screen.queryByText('closed')).toBeNull();
  });

  it('shows nothing when the settings could not be read', () => {
    renderInApp(<Settings save={vi.fn()} saved={undefined} />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
