// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { z } from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../test/render';
import { SortOrderField, TagsInput, TextField } from './form-fields';

afterEach(cleanup);

type Values = { code: string; name: string; note?: string; places: string[]; sortOrder?: number };

function Sample({ editing, onFinish }: { editing: boolean; onFinish: (values: Values) => void }) {
  return (
    <Form<Values> layout="vertical" initialValues={{ code: editing ? '430421' : '', places: [] }} onFinish={onFinish}>
      <TextField
        name="code"
        label="代码"
        extra="代码保存后不可修改"
        disabled={editing}
        schema={z.string().regex(/^\d{6}$/)}
        required="请输入代码"
        invalid="代码为6位数字"
        maxLength={6}
      />
      <TextField name="name" label="名称" required="请输入名称" maxLength={20} />
      <TextField name="note" label="备注" rows={3} maxLength={100} />
      <Form.Item name="places" label="承载地">
        <TagsInput placeholder="以顿号分隔" separators={['、']} />
      </Form.Item>
      <SortOrderField label="排序" />
      <Button htmlType="submit">保存</Button>
    </Form>
  );
}

describe('form fields', () => {
  it('says what is missing: a blank name (spaces only) is empty, a code is checked against its schema', async () => {
    const user = userEvent.setup();
    const onFinish = vi.fn();
    renderInApp(<Sample editing={false} onFinish={onFinish} />);

    await user.type(screen.getByLabelText('代码'), '4304');
    await user.type(screen.getByLabelText('名称'), '   ');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));

    expect(await screen.findByText('代码为6位数字')).toBeTruthy();
    expect(await screen.findByText('请输入名称')).toBeTruthy();
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('disables a field and shows its note below, and sends the typed values, tags split at the separator', async () => {
    const user = userEvent.setup();
    const onFinish = vi.fn();
    renderInApp(<Sample editing onFinish={onFinish} />);

    expect(screen.getByLabelText<HTMLInputElement>('代码').disabled).toBe(true);
    expect(screen.getByText('代码保存后不可修改')).toBeTruthy();
    expect(screen.getByLabelText('备注').tagName).toBe('TEXTAREA');

    await user.type(screen.getByLabelText('名称'), '芙蓉区');
    await user.type(screen.getByLabelText('承载地'), '长沙、株洲、');
    await user.type(screen.getByLabelText('排序'), '3');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));

    await waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
    expect(onFinish.mock.calls[0]?.[0]).toEqual({ code: '430421', name: '芙蓉区', places: ['长沙', '株洲'], sortOrder: 3 });
  });
});
