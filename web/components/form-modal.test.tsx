// @vitest-environment happy-dom
import { useState } from 'react';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMutation } from '@tanstack/react-query';
import { Form, Input } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-client';
import { FORM_DIALOG_META } from '../lib/errors';
import { renderInApp } from '../test/render';
import { filledFields, FormModal, pickFields } from './form-modal';

afterEach(cleanup);

type Values = { name: string };
type Record = { name: string; version: number };

/**
 * An edit dialog as the features build it: the save goes through a mutation (so the app's default
 * error handler sees a failure), the version of the record it opened travels with the body.
 */
function EditDialog({
  save,
  load,
  meta = FORM_DIALOG_META,
}: {
  save: (body: Values & { version: number }) => Promise<void>;
  load: () => Promise<Record>;
  meta?: Readonly<globalThis.Record<string, unknown>>;
}) {
  const [record, setRecord] = useState<Record>({ name: '芙蓉区', version: 3 });
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(true);
  const mutation = useMutation({ mutationFn: save, meta });
  if (!open) return <p>closed</p>;
  return (
    <FormModal<Values>
      form={form}
      title="编辑区域"
      okText="保存"
      initialValues={record}
      onSubmit={(values) => mutation.mutateAsync({ ...values, version: record.version })}
      savedMessage="已保存"
      onClose={() => setOpen(false)}
      serverFields={['name']}
      onReload={async () => {
        const fresh = await load();
        setRecord(fresh);
        return fresh;
      }}
    >
      <Form.Item name="name" label="名称">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

const conflict = () => new ApiError(409, 'version_conflict', '此记录已被他人修改，请刷新后重试');

describe('FormModal', () => {
  it('marks the fields the server names with its message, and stays open', async () => {
    const user = userEvent.setup();
    const save = vi.fn().mockRejectedValue(new ApiError(400, 'validation_failed', '名称已被使用', [{ path: 'body.name' }]));
    renderInApp(<EditDialog save={save} load={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    // Under the field, and once more in the default error handler's message.
    await waitFor(() => expect(screen.getAllByText('名称已被使用').length).toBeGreaterThanOrEqual(2));
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(screen.queryByText('closed')).toBeNull();
  });

  it('sends the version it opened, shows a version conflict with 刷新, and reloads the record without closing', async () => {
    const user = userEvent.setup();
    const save = vi.fn().mockRejectedValueOnce(conflict()).mockResolvedValueOnce(undefined);
    const load = vi.fn().mockResolvedValue({ name: '芙蓉区（新）', version: 4 });
    renderInApp(<EditDialog save={save} load={load} />);

    await user.clear(screen.getByLabelText('名称'));
    await user.type(screen.getByLabelText('名称'), '我的改名');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));

    // The warning in the dialog holds the server's message and the 刷新 button.
    const refresh = await screen.findByRole('button', { name: /刷\s*新/ });
    const inDialog = screen.getAllByRole('alert').find((a) => a.contains(refresh));
    expect(inDialog?.textContent).toContain('此记录已被他人修改，请刷新后重试');
    expect(save).toHaveBeenLastCalledWith({ name: '我的改名', version: 3 }, expect.anything());

    await user.click(refresh);
    // The dialog stays, now with the record as the other person saved it, and the warning is gone.
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('名称').value).toBe('芙蓉区（新）'));
    expect(load).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: /刷\s*新/ })).toBeNull();

    // Saving again sends the fresh version and closes the dialog.
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    await screen.findByText('closed');
    expect(save).toHaveBeenLastCalledWith({ name: '芙蓉区（新）', version: 4 }, expect.anything());
  });

  it('shows a version conflict once, in the dialog, not also as a toast of the default error handler', async () => {
    const user = userEvent.setup();
    const save = vi.fn().mockRejectedValue(conflict());
    const load = vi.fn().mockResolvedValue({ name: '芙蓉区（新）', version: 4 });
    renderInApp(<EditDialog save={save} load={load} />);

    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    const refresh = await screen.findByRole('button', { name: /刷\s*新/ });
    expect(screen.getAllByText('此记录已被他人修改，请刷新后重试')).toHaveLength(1);

    // After 刷新 the dialog's notice is gone, and no toast of the same conflict is left on the screen.
    await user.click(refresh);
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('名称').value).toBe('芙蓉区（新）'));
    expect(screen.queryAllByText('此记录已被他人修改，请刷新后重试')).toHaveLength(0);
  });

  it('leaves other errors of a form dialog to the default error handler', async () => {
    const user = userEvent.setup();
    const save = vi.fn().mockRejectedValue(new ApiError(403, 'forbidden', '无权修改此记录'));
    renderInApp(<EditDialog save={save} load={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('无权修改此记录')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});

describe('pickFields', () => {
  it('copies the named fields as they stand, null and empty lists too, and nothing else', () => {
    const park = { id: 3, name: '衡阳高新区', focus: [] as string[], establishedOn: null, version: 7 };
    expect(pickFields(park, ['name', 'focus', 'establishedOn'])).toEqual({ name: '衡阳高新区', focus: [], establishedOn: null });
  });
});

describe('filledFields', () => {
  it('leaves out the fields left empty (unset, blank text, an empty list) and keeps the rest, zero and false too', () => {
    const values = { note: '', reason: undefined, coUnits: [], leadUnit: '发改委', rating: 0, parked: false, dueDate: '2026-12-31' };
    expect(filledFields(values)).toEqual({ leadUnit: '发改委', rating: 0, parked: false, dueDate: '2026-12-31' });
  });
});
