// SQL of the attachments: the rows without their bytes for lists, the bytes for a download, and the
// settings row. The bytes are read only by `selectAttachmentContent`.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { attachmentItem, type AttachmentOwnerKind, type AttachmentType } from '../../../shared/contracts/attachments.js';
import type { Db } from '../../db/client.js';
import { isoSql, parseRows } from '../../db/sql.js';

/** A stored file as listed: the contract's item but for `canDelete`, which the service adds for the caller. */
const attachmentRow = attachmentItem.omit({ canDelete: true });
export type AttachmentRow = z.infer<typeof attachmentRow>;

const COLUMNS = sql`id, owner_kind AS "ownerKind", owner_id AS "ownerId", file_name AS "fileName", type, size_bytes AS "sizeBytes",
  sha256, uploaded_by::text AS "uploadedBy", uploaded_by_name AS "uploadedByName", ${isoSql('uploaded_at')} AS "uploadedAt"`;

/** An owner's files not deleted, oldest first. */
export async function selectAttachments(db: Db, ownerKind: AttachmentOwnerKind, ownerId: number): Promise<AttachmentRow[]> {
  const result = await db.execute(sql`SELECT ${COLUMNS} FROM attachments
    WHERE owner_kind = ${ownerKind} AND owner_id = ${ownerId} AND deleted_at IS NULL ORDER BY uploaded_at, id`);
  return parseRows(result, attachmentRow);
}

/** One file not deleted, without its bytes. */
export async function selectAttachment(db: Db, id: number): Promise<AttachmentRow | null> {
  const result = await db.execute(sql`SELECT ${COLUMNS} FROM attachments WHERE id = ${id} AND deleted_at IS NULL`);
  return parseRows(result, attachmentRow)[0] ?? null;
}

/** The bytes of a file not deleted. */
export async function selectAttachmentContent(db: Db, id: number): Promise<Buffer | null> {
  const result = await db.execute(sql`SELECT content FROM attachments WHERE id = ${id} AND deleted_at IS NULL`);
  const content = parseRows(result, z.object({ content: z.instanceof(Buffer) }))[0]?.content;
  return content ?? null;
}

/**
 * Files an owner has, counted under a transaction-scoped lock on the owner, so two uploads at once
 * cannot both pass the limit (the lock is released at commit).
 */
export async function countAttachmentsLocked(db: Db, ownerKind: AttachmentOwnerKind, ownerId: number): Promise<number> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('attachments'), hashtext(${`${ownerKind}:${ownerId}`}))`);
  const result = await db.execute(sql`SELECT count(*)::int AS n FROM attachments
    WHERE owner_kind = ${ownerKind} AND owner_id = ${ownerId} AND deleted_at IS NULL`);
  return parseRows(result, z.object({ n: z.number() }))[0]?.n ?? 0;
}

export type AttachmentInsert = {
  ownerKind: AttachmentOwnerKind;
  ownerId: number;
  fileName: string;
  type: AttachmentType;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
  uploadedBy: string | null;
  uploadedByName: string;
};

export async function insertAttachment(db: Db, row: AttachmentInsert): Promise<number> {
  const result = await db.execute(sql`INSERT INTO attachments
    (owner_kind, owner_id, file_name, type, size_bytes, sha256, content, uploaded_by, uploaded_by_name)
    VALUES (${row.ownerKind}, ${row.ownerId}, ${row.fileName}, ${row.type}, ${row.sizeBytes}, ${row.sha256}, ${row.content},
      ${row.uploadedBy}, ${row.uploadedByName})
    RETURNING id`);
  const id = parseRows(result, z.object({ id: z.number() }))[0]?.id;
  if (id === undefined) throw new Error('attachment insert returned no id');
  return id;
}

/** Marks a file deleted and drops its bytes (the row stays for the record). */
export async function updateAttachmentDeleted(db: Db, id: number, deletedBy: string | null): Promise<void> {
  await db.execute(sql`UPDATE attachments SET deleted_at = now(), deleted_by = ${deletedBy}, content = NULL WHERE id = ${id}`);
}

/** The stored limits (app_settings key `attachments`), or null. */
