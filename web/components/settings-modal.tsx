import type { ReactNode } from 'react';
import { App, Form, Spin } from 'antd';
import { useT } from '../lib/i18n';
import { FormModal, type FormModalProps } from './form-modal';

export type SettingsModalProps<V extends object> = Omit<FormModalProps<V>, 'form' | 'initialValues' | 'children'> & {
  /** The saved settings as form values; undefined while they load (a spinner) or when they could not be read (nothing). */
  initialValues: Partial<V> | undefined;
  loading: boolean;
  /** Asked before saving (the settings change what everyone sees); cancelling keeps the dialog open. */
  confirmText: string;
  /** Below the fields: when (and by whom) the settings were last saved. */
  footer?: ReactNode;
  children: ReactNode;
};

/**
 * An admin's settings dialog: the form of the saved settings, saved only after a confirmation
 * (title: the dialog's title), then the usual `FormModal` behaviour (server field errors, saved message).
 */
export function SettingsModal<V extends object>({
  initialValues,
  loading,
  confirmText,
  footer,
  onSubmit,
  children,
  ...rest
}: SettingsModalProps<V>) {
  const t = useT();
  const { modal } = App.useApp();
  const [form] = Form.useForm<V>();

  const confirmed = () =>
    new Promise<void>((resolve, reject) => {
      modal.confirm({
        title: rest.title,
        content: confirmText,
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: () => resolve(),
        onCancel: () => reject(new Error('cancelled')),
      });
    });

  if (!initialValues) return loading ? <Spin fullscreen /> : null;
  return (
    <FormModal<V>
      {...rest}
      form={form}
      initialValues={initialValues}
      onSubmit={async (values) => {
        await confirmed();
        return onSubmit(values);
      }}
    >
      {children}
      {footer}
    </FormModal>
  );
}
