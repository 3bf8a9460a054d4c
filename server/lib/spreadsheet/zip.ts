// Reading entries of a ZIP archive (an .xlsx) without trusting it: the central directory is read
// first and every entry's declared unpacked size and compression ratio checked before a byte of it
// is inflated; while inflating, the bytes actually produced are counted and reading stops as soon
// as they pass the declared size or the limit (a header may lie). Entries are inflated as a stream
// in 64 KB pieces, so memory stays bounded whatever the archive claims.
import fs from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { limitError, SpreadsheetError } from './errors.js';
import { RATIO_FREE_BYTES, type SheetLimitKind, type SheetLimits } from './limits.js';

/** Random access to the archive's bytes: the upload in memory, or a file on disk (the CLI). */
export type ByteSource = {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
};

export function bufferSource(data: Buffer): ByteSource {
  return { size: data.length, read: async (offset, length) => data.subarray(offset, offset + length), close: async () => undefined };
}

export async function fileSource(file: string): Promise<ByteSource> {
  const handle = await fs.promises.open(file, 'r');
  const { size } = await handle.stat();
  return {
    size,
    read: async (offset, length) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

export type ZipEntry = {
  /** The entry's name as stored, without a leading "/". */
  name: string;
  method: number;
  flags: number;
  crc: number;
  packedBytes: number;
  unpackedBytes: number;
  localHeaderOffset: number;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** End-of-central-directory record (22 bytes) plus the longest comment. */
const EOCD_SEARCH = 22 + 0xffff;
const PIECE_BYTES = 64 * 1024;

function damaged(detail: string): SpreadsheetError {
  return new SpreadsheetError('unreadable', detail);
}

/** ZIP64 extra field (0x0001): the 64-bit sizes and offset that replace 0xFFFFFFFF in the header. */
function applyZip64(entry: ZipEntry, extra: Buffer): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const next = () => {
        if (p + 8 > at + 4 + length) throw damaged('bad ZIP64 field');
        const value = Number(extra.readBigUInt64LE(p));
        p += 8;
        return value;
      };
      if (entry.unpackedBytes === 0xffffffff) entry.unpackedBytes = next();
      if (entry.packedBytes === 0xffffffff) entry.packedBytes = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
}

/**
 * The archive's entries, from its central directory. Refuses an archive without one (truncated,
 * or not a ZIP), with more than `limits.zipEntries` entries, or encrypted.
 */
export async function readZipEntries(source: ByteSource, limits: SheetLimits): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, source.size - EOCD_SEARCH);
  const tail = await source.read(tailStart, source.size - tailStart);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('no ZIP central directory (the file is cut off or not an .xlsx)');
  const count = tail.readUInt16LE(eocd + 10);
  const directoryBytes = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw damaged('ZIP64 archive');
  if (count > limits.zipEntries) throw limitError('zipEntries', limits.zipEntries, 'ZIP');
  if (directoryOffset + directoryBytes > source.size) throw damaged('ZIP central directory outside the file');
  const directory = await source.read(directoryOffset, directoryBytes);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) throw damaged('bad ZIP central directory');
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > directory.length) throw damaged('bad ZIP central directory');
    const entry: ZipEntry = {
      name: directory.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\/+/, ''),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      packedBytes: directory.readUInt32LE(at + 20),
      unpackedBytes: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    applyZip64(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    if ((entry.flags & 0x1) !== 0) throw damaged('encrypted workbook (remove the password in Excel first)');
    entries.push(entry);
    at = end;
  }
  return entries;
}

/** The checks made from the header alone, before anything is inflated. */
function checkDeclared(entry: ZipEntry, cap: { kind: SheetLimitKind; max: number }, limits: SheetLimits): void {
  if (entry.unpackedBytes > cap.max) throw limitError(cap.kind, cap.max, entry.name);
  if (entry.unpackedBytes > RATIO_FREE_BYTES && entry.unpackedBytes > entry.packedBytes * limits.ratio)
    throw limitError('ratio', limits.ratio, entry.name);
}

async function* packedPieces(source: ByteSource, start: number, length: number): AsyncGenerator<Buffer> {
  for (let done = 0; done < length;) {
    const piece = await source.read(start + done, Math.min(PIECE_BYTES, length - done));
    if (piece.length === 0) throw damaged('ZIP entry cut off');
    done += piece.length;
    yield piece;
  }
}

/** Counts unpacked bytes across the parts of one archive ({@link SheetLimits.totalBytes}). */
export type UnpackBudget = { used: number };

/**
 * The unpacked bytes of one entry, in pieces of at most 64 KB. Checks the declared size against
 * `cap` and the ratio first; then counts the bytes inflated and stops (destroying the inflater) as
 * soon as they pass the declared size, `cap`, or the archive's total budget. A wrong CRC at the end
 * means a damaged file.
 */
export async function* unpackEntry(
  source: ByteSource,
  entry: ZipEntry,
  cap: { kind: SheetLimitKind; max: number },
  limits: SheetLimits,
  budget: UnpackBudget,
): AsyncGenerator<Buffer> {
  checkDeclared(entry, cap, limits);
  if (entry.method !== 0 && entry.method !== 8) throw damaged(`unsupported ZIP compression ${entry.method} (${entry.name})`);
  const header = await source.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw damaged(`bad ZIP entry header (${entry.name})`);
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (dataStart + entry.packedBytes > source.size) throw damaged(`ZIP entry cut off (${entry.name})`);
  const packed = Readable.from(packedPieces(source, dataStart, entry.packedBytes));
  const output = entry.method === 0 ? packed : pipeline(packed, zlib.createInflateRaw({ chunkSize: PIECE_BYTES }), () => undefined);
  let produced = 0;
  let crc = 0;
  try {
    for await (const chunk of output) {
      if (!Buffer.isBuffer(chunk)) throw damaged(`bad ZIP entry (${entry.name})`);
      produced += chunk.length;
      budget.used += chunk.length;
      if (produced > cap.max) throw limitError(cap.kind, cap.max, entry.name);
      if (budget.used > limits.totalBytes) throw limitError('totalBytes', limits.totalBytes, 'ZIP');
      // The header said less: it lied (or the file is damaged). Either way, stop here.
      if (produced > entry.unpackedBytes) throw damaged(`ZIP entry larger than its header says (${entry.name})`);
      crc = zlib.crc32(chunk, crc);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof SpreadsheetError) throw err;
    throw damaged(`${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    output.destroy();
    packed.destroy();
  }
  if (produced !== entry.unpackedBytes || crc !== entry.crc) throw damaged(`ZIP entry damaged (${entry.name})`);
}
