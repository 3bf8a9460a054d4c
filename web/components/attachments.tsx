import { useRef, useState } from 'react';
import { App, Button, Card, Progress, Space, Typography } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { AttachmentItem, AttachmentOwnerKind } from '../../shared/contracts/attachments';
import { attachmentFileHref, useAttachments, useDeleteAttachment, useUploadAttachment } from '../hooks/use-attachments';
import { useMe } from '../hooks/use-me';
import { formatDateTime, formatFileSize } from '../lib/format';
import { useT } from '../lib/i18n';
import { DataTable, type DataColumn } from './data-table';
import { rowActionsColumn } from './row-actions';

export type AttachmentsProps = {
  ownerKind: AttachmentOwnerKind;
  ownerId: number;
  /** Whether the page offers the upload button (the server still decides; it also says whether the caller may). */
  canUpload?: boolean;
  /** A card title other than 附件. */
  title?: string;
};

/**
 * The files of a ticket, project or task: list (name, type, size, uploader, time) with download and a
 * guarded delete (the uploader's or the admin's), and an upload button with progress. The type is
 * checked by the server from the content; a refusal shows its message.
 */
export function Attachments({ ownerKind, ownerId, canUpload = true, title }: AttachmentsProps) {
  const t = useT();
  const { message } = App.useApp();
  const me = useMe();
  const query = useAttachments({ ownerKind, ownerId });
  const upload = useUploadAttachment();
  const remove = useDeleteAttachment();
  const input = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const limits = query.data?.limits;
  const uploadable = canUpload && query.data?.canUpload === true;

  const send = async (file: File) => {
    setPercent(0);
    try {
      const item = await upload.mutateAsync({ ownerKind, ownerId, file, csrfToken: me.data?.csrfToken ?? null, onProgress: setPercent });
      message.success(t('attachments.uploaded', { name: item.fileName }));
    } catch {
      // handleError (the QueryClient's default mutation onError) has shown the server's message.
    } finally {
      setPercent(null);
      if (input.current) input.current.value = '';
    }
  };

  const columns: DataColumn<AttachmentItem>[] = [
    {
      key: 'fileName',
      title: t('attachments.fileName'),
      excel: (row) => row.fileName,
      render: (_, row) => (
        <a href={attachmentFileHref(row.id)} download={row.fileName}>
          <PaperClipOutlined /> {row.fileName}
        </a>
      ),
    },
    { key: 'type', title: t('attachments.type'), width: 80, excel: (row) => row.type.toUpperCase() },
    { key: 'size', title: t('attachments.size'), width: 100, excel: (row) => formatFileSize(row.sizeBytes) },
    { key: 'uploader', title: t('attachments.uploader'), width: 140, excel: (row) => row.uploadedByName },
    { key: 'uploadedAt', title: t('attachments.uploadedAt'), width: 150, excel: (row) => formatDateTime(row.uploadedAt) },
    rowActionsColumn<AttachmentItem>(t, (row) => ({
      name: row.fileName,
      confirmTitle: t('attachments.deleteConfirm', { name: row.fileName }),
      deletedMessage: t('attachments.deleted', { name: row.fileName }),
      onDelete: () => remove.mutateAsync(row.id),
      blockedReason: row.canDelete ? null : t('attachments.error.onlyUploader'),
      deleteTestId: `attachment-delete-${row.id}`,
      extra: (
        <Button size="small" href={attachmentFileHref(row.id)} download={row.fileName}>
          {t('attachments.download')}
        </Button>
      ),
    })),
  ];

  return (
    <Card
      title={title ?? t('attachments.title')}
      size="small"
      style={{ marginTop: 16 }}
      data-testid="attachments"
      extra={
        uploadable ? (
          <Space>
            {percent !== null ? <Progress percent={percent} size="small" style={{ width: 120 }} /> : null}
            <input
              ref={input}
              type="file"
              hidden
              aria-label={t('attachments.upload')}
              data-testid="attachments-file"
              accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt,.csv"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void send(file);
              }}
            />
            <Button icon={<UploadOutlined />} loading={percent !== null} onClick={() => input.current?.click()}>
              {percent !== null ? t('attachments.uploading', { percent }) : t('attachments.upload')}
            </Button>
          </Space>
        ) : null
      }
    >
      {limits && uploadable ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('attachments.limits', { maxMb: Math.round((limits.maxFileBytes / 1024 / 1024) * 10) / 10, max: limits.maxFilesPerOwner })}
        </Typography.Paragraph>
      ) : null}
      <DataTable
        query={query}
        columns={columns}
        empty={uploadable ? t('attachments.emptyCanUpload') : t('attachments.empty')}
        exportName={[t('attachments.title'), `${ownerKind}-${ownerId}`]}
        testId="attachments-table"
        tableProps={{ size: 'small' }}
      />
    </Card>
  );
}
