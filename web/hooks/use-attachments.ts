import { useQuery } from '@tanstack/react-query';
import {
  attachmentItem,
  attachmentOwnerQuery,
  attachmentSettingsResponse,
  listAttachmentsResponse,
  type AttachmentItem,
  type AttachmentOwnerKind,
} from '../../shared/contracts/attachments';
import { okResponse } from '../../shared/contracts/common';
import { apiRequest } from '../lib/api-client';
import { defineApiQuery, useApiMutation } from '../lib/api-query';
import { acceptSuccess, uploadFile } from '../lib/upload-file';

/** The files of a ticket, project or task, the limits, and whether the caller may add one. */
const attachments = defineApiQuery('/api/attachments', attachmentOwnerQuery, listAttachmentsResponse);
export const useAttachments = attachments.useApiQuery;

/** The limits in force (size and count), for forms that take files before their owner exists. */
export function useAttachmentSettings() {
  return useQuery({
    queryKey: ['attachments', 'settings'],
    queryFn: ({ signal }) => apiRequest('/api/attachments/settings', { schema: attachmentSettingsResponse, signal }),
    staleTime: 60_000,
  });
}

/** The address a file downloads from (a plain link: the session cookie goes along). */
export const attachmentFileHref = (id: number) => `/api/attachments/${id}/file`;

export type UploadAttachmentInput = {
  ownerKind: AttachmentOwnerKind;
  ownerId: number;
  file: File;
  csrfToken: string | null;
  onProgress?: (percent: number) => void;
};

/** Uploads one file (multipart, with progress); rejects with the server's message when refused. */
export function uploadAttachment(input: UploadAttachmentInput): Promise<AttachmentItem> {
  return uploadFile({
    url: `/api/attachments?ownerKind=${input.ownerKind}&ownerId=${input.ownerId}`,
    file: input.file,
    csrfToken: input.csrfToken,
    onProgress: input.onProgress,
    accept: acceptSuccess(attachmentItem),
  });
}

export function useUploadAttachment() {
  return useApiMutation(uploadAttachment, ['attachments']);
}

export function deleteAttachment(id: number) {
  return apiRequest(`/api/attachments/${id}`, { method: 'DELETE', schema: okResponse });
}

export function useDeleteAttachment() {
  return useApiMutation(deleteAttachment, ['attachments']);
}
