// Hostile uploads built in the test itself: minimal .xlsx archives written byte by byte, zip bombs
// (a megabyte of spaces deflated once and its compressed bytes repeated: ~1000:1, built in
// milliseconds without ever holding the unpacked bytes), and the parts a workbook needs.
import zlib from 'node:zlib';

/** A part stored deflated; `size` and `crc` are what the archive declares (a bomb may lie). */
export type ZipPart = { name: string; deflated: Buffer; size: number; crc: number };

/** A part from its text or bytes, deflated, with its true size and CRC. */
export function part(name: string, content: string | Buffer): ZipPart {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, deflated: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data) };
}

const MiB = 1024 * 1024;

/**
 * `mebibytes` MiB of `fill` (a space by default) as one deflate stream: the compressed form of one
 * MiB, flushed so it stands alone, repeated, then an empty final block. The CRC is only computed
 * when asked (a reader that stops early never checks it).
 */
export function bombPart(
  name: string,
  mebibytes: number,
  options: { prefix?: string; suffix?: string; fill?: string; withCrc?: boolean } = {},
): ZipPart {
  const unit = Buffer.alloc(MiB, options.fill ?? ' ');
  const prefix = Buffer.from(options.prefix ?? '', 'utf8');
  const suffix = Buffer.from(options.suffix ?? '', 'utf8');
  const compress = (data: Buffer) => zlib.deflateRawSync(data, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const head = compress(prefix);
  const block = compress(unit);
  const tail = zlib.deflateRawSync(suffix);
  const pieces = [head];
  for (let i = 0; i < mebibytes; i += 1) pieces.push(block);
  pieces.push(tail);
  let crc = 0;
  if (options.withCrc) {
    crc = zlib.crc32(prefix, crc);
    for (let i = 0; i < mebibytes; i += 1) crc = zlib.crc32(unit, crc);
    crc = zlib.crc32(suffix, crc);
  }
  return { name, deflated: Buffer.concat(pieces), size: prefix.length + mebibytes * MiB + suffix.length, crc };
}

/**
 * The fields a ZIP entry's local header and its central-directory record share, from `at` on: version
 * needed (2.0), flags (UTF-8 name), method (deflate), CRC-32, the deflated and the real size, the name's length.
 */
function writeEntryFields(header: Buffer, at: number, p: ZipPart, nameLength: number): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(0x0800, at + 2);
  header.writeUInt16LE(8, at + 4);
  header.writeUInt32LE(p.crc >>> 0, at + 10);
  header.writeUInt32LE(p.deflated.length, at + 14);
  header.writeUInt32LE(Math.min(p.size, 0xffffffff), at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

/** A ZIP archive of the parts (deflate, no data descriptors), as Excel writes one. */
export function zipOf(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, p, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeEntryFields(central, 6, p, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

/** The opening and closing of a worksheet part around its rows. */
export const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';
export const SST_HEAD = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
export const SST_TAIL = '</sst>';

/** Inline-string rows of a worksheet: `<row r=n><c t="inlineStr"><is><t>…` for each cell. */
export function sheetRowsXml(rows: readonly (readonly (string | number)[])[]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells.map((c) => (typeof c === 'number' ? `<c><v>${c}</v></c>` : `<c t="inlineStr"><is><t>${escape(c)}</t></is></c>`)).join('')}</row>`,
    )
    .join('');
}

/** An .xlsx with the given worksheet part and shared strings part (text, or a ready part such as a bomb). */
export function workbookOf(sheet: string | ZipPart, sharedStrings: string | ZipPart = `${SST_HEAD}${SST_TAIL}`): Buffer {
  const asPart = (name: string, content: string | ZipPart) => (typeof content === 'string' ? part(name, content) : { ...content, name });
  return zipOf([
    part(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    part('xl/workbook.xml', WORKBOOK),
    part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    asPart('xl/sharedStrings.xml', sharedStrings),
    asPart('xl/worksheets/sheet1.xml', sheet),
  ]);
}
