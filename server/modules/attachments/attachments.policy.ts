// Who does what with attached files. Viewing and adding follow the owner: whoever may view a ticket
// or project lists and downloads its files; whoever may act on it (a ticket's parties, a project's
// editors) adds files. Deleting is the uploader's or the admin's.
import type { Actor } from '../access/actor.js';

/** What the owner's module says of the caller (the caller sees the owner, or the module answered 404). */
export type OwnerAccess = { canUpload: boolean };

export function canUploadAttachment(_actor: Actor, owner: OwnerAccess): boolean {
  return owner.canUpload;
}

export function canDeleteAttachment(actor: Actor, attachment: { uploadedBy: string | null }): boolean {
  return actor.role === 'admin' || (attachment.uploadedBy !== null && attachment.uploadedBy === actor.id);
}
