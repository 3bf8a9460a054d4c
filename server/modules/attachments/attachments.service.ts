// Files attached to tickets and projects (and, reserved, supervision tasks). Access follows the
// owner, asked of the owner's own service; the type is recognised from the content; size and count
// are limited by a setting. An upload is stored, with its audit row, in one transaction or not at
// all: the bytes live in the row (bytea), so a refusal leaves neither a row nor a stray file.
import { createHash } from 'node:crypto';
import {
  attachmentLimits,
  DEFAULT_ATTACHMENT_LIMITS,
  type AttachmentItem,
  type AttachmentLimits,
  type AttachmentOwnerKind,
  type AttachmentSettingsResponse,
  type AttachmentType,
  type ListAttachmentsResponse,
} from '../../../shared/contracts/attachments.js';
import type { Db } from '../../db/client.js';
import { settingOrDefault } from '../../db/settings.js';
import { AppError } from '../../lib/errors.js';
import { cleanFileName, sanitizeFileName, sniffFileType } from '../../lib/file-types.js';
import { MiB, uploadTooLarge, type UploadedFile } from '../../lib/uploads.js';
import { requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { auditedSetting, recordAudit, settingEndpoints } from '../audit/audit.service.js';
import { projectAccessFor } from '../projects/projects.service.js';
import { ticketAccessFor } from '../tickets/tickets.service.js';
import { canDeleteAttachment, canUploadAttachment, type OwnerAccess } from './attachments.policy.js';
import {
  countAttachmentsLocked,
  insertAttachment,
  selectAttachment,
  selectAttachmentContent,
  selectAttachments,
  updateAttachmentDeleted,
  type AttachmentRow,
} from './attachments.queries.js';

/** What an Office file may unpack to: far more than any real document, far less than a bomb. */
export const MAX_UNPACKED_BYTES = 100 * MiB;

export type Owner = { ownerKind: AttachmentOwnerKind; ownerId: number };

/** The owner's module decides: 404 when the caller does not see the owner (the same answer as an unknown one). */
async function ownerAccess(db: Db, actor: Actor, owner: Owner): Promise<OwnerAccess> {
  switch (owner.ownerKind) {
    case 'ticket':
      return { canUpload: (await ticketAccessFor(db, actor, owner.ownerId)).canAct };
    case 'project':
      return { canUpload: (await projectAccessFor(db, actor, owner.ownerId)).canEdit };
    case 'task':
      throw new AppError('not_found', { messageKey: 'attachments.error.ownerNotReady' });
  }
}

const limitsSetting = auditedSetting('attachments', settingOrDefault(attachmentLimits, DEFAULT_ATTACHMENT_LIMITS));

/** The limits in force: the stored ones when valid, else 10 MB and 20 files. */
export const readAttachmentLimits: (db: Db) => Promise<AttachmentLimits> = limitsSetting.read;

function present(actor: Actor, row: AttachmentRow): AttachmentItem {
  return { ...row, canDelete: canDeleteAttachment(actor, row) };
}

const notFound = (id: number) => new AppError('not_found', { messageKey: 'attachments.error.notFound', params: { id } });

/** `GET /api/attachments?ownerKind&ownerId`: the owner's files, the limits, and whether the caller may add one. */
export async function listAttachments(db: Db, actor: Actor, owner: Owner): Promise<ListAttachmentsResponse> {
  const access = await ownerAccess(db, actor, owner);
  const [rows, limits] = await Promise.all([selectAttachments(db, owner.ownerKind, owner.ownerId), readAttachmentLimits(db)]);
  return { items: rows.map((r) => present(actor, r)), limits, canUpload: canUploadAttachment(actor, access) };
}

/** Why a file is refused, checked before anything is written: empty, over the size, or not an allowed type by content. */
async function checkFile(file: UploadedFile, limits: AttachmentLimits): Promise<{ type: AttachmentType; fileName: string }> {
  const shownName = cleanFileName(file.fileName).slice(0, 120);
  if (file.data.length === 0)
    throw new AppError('validation_failed', { messageKey: 'attachments.error.empty', params: { name: shownName } });
  if (file.data.length > limits.maxFileBytes) throw tooLarge(limits);
  const sniffed = await sniffFileType(file.data, MAX_UNPACKED_BYTES);
  if ('problem' in sniffed) {
    if (sniffed.problem === 'archive_too_large') {
      throw new AppError('payload_too_large', {
        messageKey: 'attachments.error.archiveTooLarge',
        params: { name: shownName, limitMb: MAX_UNPACKED_BYTES / MiB },
      });
    }
    throw new AppError('unsupported_media_type', { messageKey: 'attachments.error.forbiddenType', params: { name: shownName } });
  }
  return { type: sniffed.type, fileName: sanitizeFileName(file.fileName, sniffed.type) };
}

/** 413 naming the size limit in force. */
export const tooLarge = (limits: AttachmentLimits) => uploadTooLarge(limits.maxFileBytes, 'attachments.error.tooLarge');

/**
 * `POST /api/attachments?ownerKind&ownerId`: adds one file. The caller must be allowed to act on the
 * owner before a byte is read (`read` receives the size limit in force and stops past it); then the
 * file is checked and stored with its audit row, or refused with nothing stored.
 */
export async function uploadAttachment(
  db: Db,
  actor: Actor,
  owner: Owner,
  read: (maxBytes: number, tooLargeError: () => AppError) => Promise<UploadedFile>,
): Promise<AttachmentItem> {
  requireAccess(canUploadAttachment(actor, await ownerAccess(db, actor, owner)));
  const limits = await readAttachmentLimits(db);
  const file = await read(limits.maxFileBytes, () => tooLarge(limits));
  const { type, fileName } = await checkFile(file, limits);
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const id = await db.transaction(async (tx) => {
    const count = await countAttachmentsLocked(tx, owner.ownerKind, owner.ownerId);
    if (count >= limits.maxFilesPerOwner) {
      throw new AppError('conflict', { messageKey: 'attachments.error.tooMany', params: { max: limits.maxFilesPerOwner, count } });
    }
    const inserted = await insertAttachment(tx, {
      ...owner,
      fileName,
      type,
      sizeBytes: file.data.length,
      sha256,
      content: file.data,
      uploadedBy: actor.system ? null : actor.id,
      uploadedByName: actor.displayName,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'attachment',
      entityId: String(inserted),
      after: { ...owner, fileName, type, sizeBytes: file.data.length, sha256 },
    });
    return inserted;
  });
  const row = await selectAttachment(db, id);
  if (!row) throw notFound(id);
  return present(actor, row);
}

/** A file the caller may see (its owner visible to the caller), else 404. */
async function requireVisibleAttachment(db: Db, actor: Actor, id: number): Promise<AttachmentRow> {
  const row = await selectAttachment(db, id);
  if (!row) throw notFound(id);
  try {
    await ownerAccess(db, actor, row);
  } catch (err) {
    // The owner is outside the caller's scope: the file answers as an unknown one.
    if (err instanceof AppError && err.code === 'not_found') throw notFound(id);
    throw err;
  }
  return row;
}

/** `GET /api/attachments/:id/file`: the file's bytes with its name and type, for whoever sees the owner. */
export async function downloadAttachment(db: Db, actor: Actor, id: number): Promise<{ row: AttachmentRow; content: Buffer }> {
  const row = await requireVisibleAttachment(db, actor, id);
  const content = await selectAttachmentContent(db, id);
  if (!content) throw notFound(id);
  return { row, content };
}

/** `DELETE /api/attachments/:id`: the uploader or the admin deletes a file (its bytes go; the row stays for the record). Audited. */
export async function deleteAttachment(db: Db, actor: Actor, id: number): Promise<{ ok: true }> {
  const row = await requireVisibleAttachment(db, actor, id);
  if (!canDeleteAttachment(actor, row)) throw new AppError('forbidden', { messageKey: 'attachments.error.onlyUploader' });
  await db.transaction(async (tx) => {
    await updateAttachmentDeleted(tx, id, actor.system ? null : actor.id);
    const { uploadedAt: _at, ...before } = row;
    await recordAudit(tx, actor, { action: 'delete', entity: 'attachment', entityId: String(id), before });
  });
  return { ok: true };
}

/**
 * `GET /api/attachments/settings`: the limits (every logged-in user: the upload control shows them);
 * `PUT`: the admin changes them, audited with before and after.
 */
export const { get: getAttachmentSettings, update: updateAttachmentSettings } = settingEndpoints(
  limitsSetting,
  ({ value, updatedAt }): AttachmentSettingsResponse => ({ limits: value, updatedAt }),
);
