// What an uploaded table may contain. The upload itself is at most 20 MB, but an .xlsx is a ZIP
// archive, and a few MB of deflated zeros or spaces unpack to gigabytes (a "zip bomb"); a CSV line
// of a million commas is a million cells. The reader enforces these limits while it reads, so it
// never holds more than a bounded amount of memory and never works unboundedly between two turns of
// the event loop. The sheet limits are Excel's own (a file Excel can save always fits), the archive
// limits are far above what a real workbook of 1,048,576 rows needs.

export type SheetLimits = {
  /** Entries in the ZIP archive (an .xlsx has a dozen or two). */
  zipEntries: number;
  /** Unpacked bytes of the worksheet part read. A 200,000-row, 10-column sheet is ~80 MB. */
  sheetBytes: number;
  /** Unpacked bytes of xl/sharedStrings.xml. */
  sharedStringsBytes: number;
  /** Unpacked bytes of any other part read (workbook, relationships, styles). */
  otherPartBytes: number;
  /** Unpacked bytes of everything read from one archive together. */
  totalBytes: number;
  /** Largest unpacked ÷ packed size of an entry over {@link RATIO_FREE_BYTES}: XML deflates 5–30:1, a bomb 1000:1. */
  ratio: number;
  /** Distinct shared strings (Excel's own limit is about 32,767 characters each, not a count). */
  sharedStrings: number;
  /** Characters of all shared strings together. */
  sharedStringChars: number;
  /** Rows (Excel: 1,048,576). */
  rows: number;
  /** Columns of a row (Excel: 16,384, column XFD). */
  columns: number;
  /** Cells handed on, empty cells inside a row counted (a row's cells up to its last one). */
  cells: number;
  /** Characters of one cell (Excel: 32,767). */
  cellChars: number;
  /** Characters of one row (CSV: one record, quoted line breaks included). */
  rowChars: number;
};

const MiB = 1024 * 1024;

/** The limits every import uses (server/lib/spreadsheet/limits.ts; listed in README.md). */
export const SHEET_LIMITS: SheetLimits = {
  zipEntries: 1_000,
  sheetBytes: 256 * MiB,
  sharedStringsBytes: 64 * MiB,
  otherPartBytes: 16 * MiB,
  totalBytes: 320 * MiB,
  ratio: 100,
  sharedStrings: 1_000_000,
  sharedStringChars: 32 * MiB,
  rows: 1_048_576,
  columns: 16_384,
  cells: 10_000_000,
  cellChars: 32_767,
  rowChars: 1 * MiB,
};

/** Entries up to this many unpacked bytes are not held to {@link SheetLimits.ratio} (a tiny XML part can deflate 200:1). */
export const RATIO_FREE_BYTES = 1 * MiB;

/** Which limit a file went over; the message names it and its value. */
export const SHEET_LIMIT_KINDS = [
  'zipEntries',
  'sheetBytes',
  'sharedStringsBytes',
  'otherPartBytes',
  'totalBytes',
  'ratio',
  'sharedStrings',
  'sharedStringChars',
  'rows',
  'columns',
  'cells',
  'cellChars',
  'rowChars',
] as const satisfies readonly (keyof SheetLimits)[];
export type SheetLimitKind = (typeof SHEET_LIMIT_KINDS)[number];
