// Files attached to a ticket, a project or (reserved for supervision) a task: what may be uploaded,
// how a file is listed, and the limits (a setting).
import { z } from 'zod';
import { idParams, serialId } from './common.js';

/** What a file may be attached to; `task` is reserved for the supervision tasks. */
export const ATTACHMENT_OWNER_KINDS = ['ticket', 'project', 'task'] as const;
export type AttachmentOwnerKind = (typeof ATTACHMENT_OWNER_KINDS)[number];

/** The accepted types, recognised by content (magic bytes, the ZIP's parts), never by name. */
export const ATTACHMENT_TYPES = ['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'text'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The MIME type a download is sent with, by detected type. */
export const ATTACHMENT_MIME: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  text: 'text/plain; charset=utf-8',
};

export const attachmentOwnerQuery = z.object({
  ownerKind: z.enum(ATTACHMENT_OWNER_KINDS),
  ownerId: serialId,
});
export type AttachmentOwnerQuery = z.infer<typeof attachmentOwnerQuery>;

export const attachmentParams = idParams;

export const attachmentItem = z.object({
  id: z.number().int(),
  ownerKind: z.enum(ATTACHMENT_OWNER_KINDS),
  ownerId: z.number().int(),
  fileName: z.string(),
  type: z.enum(ATTACHMENT_TYPES),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedByName: z.string(),
  uploadedAt: z.string(),
  /** Whether the caller may delete it (the uploader or the admin). */
  canDelete: z.boolean(),
});
export type AttachmentItem = z.infer<typeof attachmentItem>;

export const attachmentLimits = z.object({
  /** Largest file in bytes (default 10 MB). */
  maxFileBytes: z
    .number()
    .int()
    .min(1024)
    .max(20 * 1024 * 1024),
  /** Files a ticket, project or task may have (default 20). */
  maxFilesPerOwner: z.number().int().min(1).max(100),
});
export type AttachmentLimits = z.infer<typeof attachmentLimits>;
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { maxFileBytes: 10 * 1024 * 1024, maxFilesPerOwner: 20 };

export const listAttachmentsResponse = z.object({
  items: z.array(attachmentItem),
  limits: attachmentLimits,
  /** Whether the caller may upload to this owner. */
  canUpload: z.boolean(),
});
export type ListAttachmentsResponse = z.infer<typeof listAttachmentsResponse>;

export const attachmentSettingsResponse = z.object({ limits: attachmentLimits, updatedAt: z.string().nullable() });
export type AttachmentSettingsResponse = z.infer<typeof attachmentSettingsResponse>;
