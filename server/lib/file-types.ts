// What an uploaded file is, from its content alone (magic bytes, a ZIP's parts), never from its name
// or the Content-Type the client sent: a .pdf name on a program is still a program. Office files
// are ZIP archives: their parts are inflated (counted, then discarded) under a total budget, so a
// header that lies about sizes, or a zip bomb, is refused rather than stored for someone to open.
import type { AttachmentType } from '../../shared/contracts/attachments.js';
import { SHEET_LIMITS } from './spreadsheet/limits.js';
import { SpreadsheetError } from './spreadsheet/errors.js';
import { bufferSource, readZipEntries, unpackEntry } from './spreadsheet/zip.js';

/** The types recognised (the attachments' list, shared with the web). */
export type FileType = AttachmentType;

/** The extensions a type's file name may end in; the first is added to a name that ends otherwise. */
export const FILE_EXTENSIONS: Record<FileType, readonly string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  text: ['txt', 'csv', 'md', 'log'],
};

export type Sniffed = { type: FileType } | { problem: 'forbidden' | 'archive_too_large' };

const starts = (data: Buffer, bytes: readonly number[]) => bytes.every((b, i) => data[i] === b);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Text: UTF-8 (a BOM allowed) or GB18030, without NUL or other control characters than tab, line ends and form feed. */
function isPlainText(data: Buffer): boolean {
  // eslint-disable-next-line no-control-regex -- the control characters are what is looked for
  const control = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(data);
      return !control.test(text);
    } catch {
      /* not this encoding: try the next */
    }
  }
  return false;
}

/** A .docx or .xlsx: a ZIP with [Content_Types].xml and the main part, whose parts unpack within `maxUnpackedBytes`. */
async function sniffOffice(data: Buffer, maxUnpackedBytes: number): Promise<Sniffed> {
  const limits = { ...SHEET_LIMITS, totalBytes: maxUnpackedBytes };
  const source = bufferSource(data);
  try {
    const entries = await readZipEntries(source, limits);
    const names = new Set(entries.map((e) => e.name));
    const type = !names.has('[Content_Types].xml')
      ? null
      : names.has('word/document.xml')
        ? 'docx'
        : names.has('xl/workbook.xml')
          ? 'xlsx'
          : null;
    if (type === null) return { problem: 'forbidden' };
    const budget = { used: 0 };
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue;
      for await (const piece of unpackEntry(source, entry, { kind: 'totalBytes', max: maxUnpackedBytes }, limits, budget)) void piece;
    }
    return { type };
  } catch (err) {
    if (err instanceof SpreadsheetError) return { problem: err.problem === 'too_large' ? 'archive_too_large' : 'forbidden' };
    throw err;
  }
}

/** The file's type by content, or why it is refused. `data` is not empty (the caller refuses that first). */
export async function sniffFileType(data: Buffer, maxUnpackedBytes: number): Promise<Sniffed> {
  if (starts(data, PDF)) return { type: 'pdf' };
  if (starts(data, PNG)) return { type: 'png' };
  if (starts(data, JPEG)) return { type: 'jpeg' };
  if (starts(data, ZIP)) return sniffOffice(data, maxUnpackedBytes);
  return isPlainText(data) ? { type: 'text' } : { problem: 'forbidden' };
}

// eslint-disable-next-line no-control-regex -- control characters are removed from names
const RESERVED_IN_NAMES = /[\u0000-\u001f\u007f<>:"|?*]/g;

/** The last path segment of a name, without control and reserved characters or leading dots. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  return base.replace(RESERVED_IN_NAMES, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
}

/**
 * A file name safe to store and send back: the last path segment, without control and reserved
 * characters, at most 120 characters, ending in an extension of its detected type (report.pdf on a
 * PNG becomes report.pdf.png, so it opens as what it is).
 */
export function sanitizeFileName(raw: string | undefined, type: FileType): string {
  let name = cleanFileName(raw);
  const extensions = FILE_EXTENSIONS[type];
  const extension = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
  if (!extensions.includes(extension)) name = `${name || 'file'}.${extensions[0]}`;
  if (name.length > 120) {
    const tail = `.${name.split('.').pop() ?? ''}`;
    name = `${name.slice(0, 120 - tail.length)}${tail}`;
  }
  return name;
}
