import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Form, Modal, type FormInstance } from 'antd';
import { isVersionConflict, markServerErrors } from '../lib/errors';
import { useT } from '../lib/i18n';

export type FormModalProps<V extends object> = {
  title: string;
  okText: string;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  /** Saves the values; throws the server's error (a mutation's `mutateAsync`). */
  onSubmit: (values: V) => Promise<unknown>;
  /** Shown after a save that went through, before the dialog closes. */
  savedMessage?: string;
  /** After a successful save (and on cancel, through `onClose`). */
  onSaved?: () => void;
  onClose: () => void;
  /** Body fields the server may name in a validation error, marked on the form with its message. */
  serverFields?: readonly string[];
  /** Body field → the form field that edits it, where they differ (`areaHectares` typed as `areaKm2`). */
  fieldAliases?: Readonly<Record<string, string>>;
  /**
   * Loads the record again after a version conflict (someone else saved it since the dialog opened) and
   * returns its values for the form; the caller keeps the fresh `version` for the next save.
   */
  onReload?: () => Promise<Partial<V> | undefined>;
  width?: number;
  testId?: string;
  children: ReactNode;
};

/** The props of an add/edit dialog of one record (see `useRecordDialog`). */
export type RecordFormProps<R> = {
  /** The record to edit, null to add one. */
  record: R | null;
  /** Loads the record again after a version conflict. */
  onReload?: () => Promise<R | undefined>;
  onClose: () => void;
};

/**
 * The `onReload` of an edit dialog from a loader of the record and the mapping of a record to form
 * values: after a version conflict the dialog shows the record as it now is.
 */
export function reloadValues<R, V>(load: (() => Promise<R | undefined>) | undefined, valuesOf: (record: R) => Partial<V>) {
  if (!load) return undefined;
  return async (): Promise<Partial<V> | undefined> => {
    const fresh = await load();
    return fresh === undefined ? undefined : valuesOf(fresh);
  };
}

/** The named fields of a record (or a form's values), as they stand: `pickFields(region, ['name', 'kind'])`. */
export function pickFields<R extends object, K extends keyof R>(record: R, keys: readonly K[]): Pick<R, K> {
  return Object.fromEntries(keys.map((key) => [key, record[key]])) as Pick<R, K>;
}

/**
 * The fields of a form's values the user filled in, without those left empty (unset, a blank text, an empty
 * list), so the request leaves them out: `filledFields({ note: '', rating: 5 })` is `{ rating: 5 }`.
 */
export function filledFields<V extends object>(values: V): Partial<V> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as Partial<V>;
}

/**
 * A version conflict above a form ("此记录已被他人修改…") with a 刷新 button that loads the record again
 * (none when the form cannot reload it).
 */
export function ConflictAlert({ message, reloading, onReload }: { message: string; reloading: boolean; onReload?: () => void }) {
  const t = useT();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={message}
      action={
        onReload ? (
          <Button size="small" loading={reloading} onClick={onReload}>
            {t('common.refresh')}
          </Button>
        ) : null
      }
    />
  );
}

/**
 * The dialog around an add/edit form: title, save/cancel, loading while saving, the server's field
 * errors marked on the fields, and a version conflict shown with a 刷新 button that reloads the record
 * into the open dialog. Other errors are shown by the default mutation error handler.
 */
export function FormModal<V extends object>(props: FormModalProps<V>) {
  const t = useT();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const { form } = props;

  const finish = async (values: V) => {
    setSaving(true);
    setConflict(null);
    try {
      await props.onSubmit(values);
      if (props.savedMessage) message.success(props.savedMessage);
      (props.onSaved ?? props.onClose)();
    } catch (err) {
      if (isVersionConflict(err)) setConflict(err instanceof Error ? err.message : t('error.version_conflict'));
      else markServerErrors(form, err, props.serverFields ?? [], props.fieldAliases);
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    if (!props.onReload) return;
    setReloading(true);
    try {
      const fresh = await props.onReload();
      if (fresh) {
        form.resetFields();
        form.setFieldsValue(fresh);
      }
      setConflict(null);
    } finally {
      setReloading(false);
    }
  };

  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      width={props.width}
    >
      {conflict ? (
        <ConflictAlert message={conflict} reloading={reloading} onReload={props.onReload ? () => void reload() : undefined} />
      ) : null}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={(values) => void finish(values)}
        data-testid={props.testId}
      >
        {props.children}
      </Form>
    </Modal>
  );
}
