// Files attached to tickets, projects and (reserved) supervision tasks. The bytes live in the
// database (bytea) beside their row: one transaction stores or refuses both (no orphan file), the
// backup command carries them, and two instances on one PostgreSQL share them without a shared disk.
// A deleted file keeps its row (who uploaded and deleted what, for the audit) but loses its bytes.
import { sql } from 'drizzle-orm';
import { char, check, customType, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ATTACHMENT_OWNER_KINDS, ATTACHMENT_TYPES } from '../../shared/contracts/attachments.js';
import { inList } from './schema-checks.js';
import { identityId, timestamptz, writtenAt } from './schema-columns.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const attachments = pgTable(
  'attachments',
  {
    id: identityId(),
    ownerKind: text('owner_kind').notNull(),
    ownerId: integer('owner_id').notNull(),
    /** The name as uploaded, sanitised (no path, no control characters). */
    fileName: text('file_name').notNull(),
    /** The type recognised from the content. */
    type: text('type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    /** Null once deleted. */
    content: bytea('content'),
    uploadedBy: uuid('uploaded_by'),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: writtenAt('uploaded_at'),
    deletedAt: timestamptz('deleted_at'),
    deletedBy: uuid('deleted_by'),
  },
  (t) => [
    inList('attachments_owner_kind_check', t.ownerKind, ATTACHMENT_OWNER_KINDS),
    inList('attachments_type_check', t.type, ATTACHMENT_TYPES),
    check('attachments_size_check', sql`${t.sizeBytes} > 0`),
    check('attachments_content_check', sql`(${t.deletedAt} is null) = (${t.content} is not null)`),
    index('attachments_owner_idx').on(t.ownerKind, t.ownerId),
  ],
);
