import type { ReactNode } from 'react';
import { App, Button, Popconfirm, Space, Tooltip } from 'antd';
import { useT, type Translate } from '../lib/i18n';
import type { DataColumn } from './data-table';

export type RowActionsProps = {
  /** The record's name: the confirmation asks "确定删除“{name}”吗？" and the success says "已删除“{name}”". */
  name?: string;
  /** The edit button's text (编辑 by default); `null`, or no `onEdit`, and the row has no edit button. */
  editLabel?: string | null;
  onEdit?: () => void;
  editTestId?: string;
  /** The delete button's text (删除 by default). */
  deleteLabel?: string;
  /** The question the confirmation asks, where `name` does not say enough ("确定删除 2025 年的目标吗？"). */
  confirmTitle?: string;
  /** Deletes the row; a rejection has already been shown by the default mutation error handler. */
  onDelete: () => Promise<unknown>;
  /** Shown after a successful delete, where the `name` wording does not fit. */
  deletedMessage?: string;
  /** Why the row cannot be deleted (it is still referenced): the button is disabled and this is its tooltip. */
  blockedReason?: string | null;
  deleteTestId?: string;
  /** More buttons after edit and delete. */
  extra?: ReactNode;
  /** `small` in a table row (the default), `middle` in a card's header. */
  size?: 'small' | 'middle';
};

/**
 * The edit and guarded-delete buttons of a table row: delete asks for confirmation first, and is
 * disabled with the reason as tooltip when the row is still in use.
 */
export function RowActions(props: RowActionsProps) {
  const t = useT();
  const { message } = App.useApp();
  const blocked = Boolean(props.blockedReason);
  const name = props.name;
  const confirmTitle = props.confirmTitle ?? (name === undefined ? t('common.deleteConfirmThis') : t('common.deleteConfirm', { name }));
  const deletedMessage = props.deletedMessage ?? (name === undefined ? t('common.deletedThis') : t('common.deleted', { name }));
  const editLabel = props.editLabel === null ? null : (props.editLabel ?? t('common.edit'));

  const confirm = async () => {
    try {
      await props.onDelete();
      message.success(deletedMessage);
    } catch {
      // handleError (the QueryClient's default mutation onError) has shown the server's message.
    }
  };

  return (
    <Space>
      {editLabel && props.onEdit ? (
        <Button size={props.size ?? 'small'} onClick={props.onEdit} data-testid={props.editTestId}>
          {editLabel}
        </Button>
      ) : null}
      <Tooltip title={blocked ? props.blockedReason : undefined}>
        <span>
          <Popconfirm
            title={confirmTitle}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            disabled={blocked}
            onConfirm={confirm}
          >
            <Button size={props.size ?? 'small'} danger disabled={blocked} data-testid={props.deleteTestId}>
              {props.deleteLabel ?? t('common.delete')}
            </Button>
          </Popconfirm>
        </span>
      </Tooltip>
      {props.extra}
    </Space>
  );
}

/**
 * The 操作 column of a {@link DataTable}: {@link RowActions} for each row, left out of the Excel file.
 *
 * ```tsx
 * isAdmin && rowActionsColumn<RegionItem>(t, (region) => ({ name: region.name, onEdit: () => setEditing(region), onDelete: … }))
 * ```
 */
export function rowActionsColumn<T>(t: Translate, actionsOf: (row: T) => RowActionsProps, width = 160): DataColumn<T> {
  return { key: 'actions', title: t('common.actions'), width, render: (_, row) => <RowActions {...actionsOf(row)} /> };
}
