// Which character encoding a CSV file is in. Excel on a Chinese Windows saves "CSV" as GBK unless
// the user picks "CSV UTF-8" (which adds a BOM); other tools write UTF-8 without a BOM.
import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import { SpreadsheetError } from './errors.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gb18030';

/** How many bytes from the start decide the encoding: far more than any header row. */
export const SNIFF_BYTES = 1024 * 1024;

/** True when `bytes` is valid UTF-8, allowing a multi-byte character cut off at the very end. */
function isUtf8(bytes: Buffer, truncated: boolean): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let extra: number;
    if (b < 0x80) extra = 0;
    else if (b >= 0xc2 && b <= 0xdf) extra = 1;
    else if (b >= 0xe0 && b <= 0xef) extra = 2;
    else if (b >= 0xf0 && b <= 0xf4) extra = 3;
    else return false;
    const last = Math.min(extra, bytes.length - 1 - i);
    if (last < extra && !truncated) return false;
    for (let k = 1; k <= last; k += 1) {
      const c = bytes[i + k] ?? 0;
      if (c < 0x80 || c > 0xbf) return false;
    }
    i += extra + 1;
  }
  return true;
}

/**
 * Decides the encoding from the first bytes: a BOM decides (UTF-8 or UTF-16LE); otherwise text that
 * is valid UTF-8 is UTF-8 and anything else is GB18030, the superset of GBK and GB2312. `head` is
 * the file's first {@link SNIFF_BYTES} (`complete` when that is the whole file). NUL bytes mean the
 * file is not text at all.
 */
export function detectEncoding(head: Buffer, complete: boolean): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.includes(0)) throw new SpreadsheetError('not_spreadsheet', 'binary data');
  return isUtf8(head, !complete) ? 'utf-8' : 'gb18030';
}

/** A stream turning the file's bytes into text (BOM removed). */
export function decoderStream(encoding: TextEncoding): Transform {
  const name = encoding === 'utf-8-bom' ? 'utf8' : encoding === 'utf-16le' ? 'utf16le' : encoding === 'gb18030' ? 'gb18030' : 'utf8';
  const decoder = iconv.getDecoder(name, { stripBOM: true });
  return new Transform({
    decodeStrings: true,
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      const text = decoder.write(chunk);
      callback(null, text.length > 0 ? text : undefined);
    },
    flush(callback: TransformCallback) {
      const rest = decoder.end();
      callback(null, rest && rest.length > 0 ? rest : undefined);
    },
  });
}
