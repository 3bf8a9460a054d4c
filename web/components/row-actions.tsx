import type { ReactNode } from 'react';
import { App, Button, Popconfirm, Space, Tooltip } from 'antd';
import { useT } from '../lib/i18n';

export type RowActionsProps = {
  /** The edit button's text; without it (or `onEdit`) the row has no edit button. */
  editLabel?: string;
  onEdit?: () => void;
  editTestId?: string;
  deleteLabel: string;
  /** The question the confirmation asks ("删除区域「芙蓉区」？"). */
  confirmTitle: string;
  /** Deletes the row; a rejection has already been shown by the default mutation error handler. */
  onDelete: () => Promise<unknown>;
  /** Shown after a successful delete. */
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

  const confirm = async () => {
    try {
      await props.onDelete();
      if (props.deletedMessage) message.success(props.deletedMessage);
    } catch {
      // handleError (the QueryClient's default mutation onError) has shown the server's message.
    }
  };

  return (
    <Space>
      {props.editLabel && props.onEdit ? (
        <Button size={props.size ?? 'small'} onClick={props.onEdit} data-testid={props.editTestId}>
          {props.editLabel}
        </Button>
      ) : null}
      <Tooltip title={blocked ? props.blockedReason : undefined}>
        <span>
          <Popconfirm
            title={props.confirmTitle}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            disabled={blocked}
            onConfirm={confirm}
          >
            <Button size={props.size ?? 'small'} danger disabled={blocked} data-testid={props.deleteTestId}>
              {props.deleteLabel}
            </Button>
          </Popconfirm>
        </span>
      </Tooltip>
      {props.extra}
    </Space>
  );
}
