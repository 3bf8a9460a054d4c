// Files for the attachment tests, built in the test: the smallest true PDF, PNG and .docx, a Windows
// program, and an upload helper.
import type { FastifyInstance } from 'fastify';
import type { Session } from '../app.js';
import { part, zipOf } from '../hostile-files.js';
import { postFile } from './enterprises.js';

export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(24, 1)]);
/** The start of a Windows program ("MZ", then binary with NUL bytes). */
export const EXE_BYTES = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]);

/** A minimal Word document: [Content_Types].xml and word/document.xml. */
export function docxOf(text: string): Buffer {
  return zipOf([
    part(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    part('word/document.xml', `<w:document><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`),
  ]);
}

/** POSTs one file to an owner as a browser's multipart form. */
export function uploadTo(
  app: FastifyInstance,
  who: Session,
  owner: { ownerKind: string; ownerId: number },
  fileName: string,
  data: Buffer,
  locale = 'zh-CN',
) {
  return postFile(app, who, `/api/attachments?ownerKind=${owner.ownerKind}&ownerId=${owner.ownerId}`, fileName, data, locale);
}
