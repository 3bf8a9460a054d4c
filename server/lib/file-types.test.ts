import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { docxOf, EXE_BYTES, PDF_BYTES, PNG_BYTES } from '../test/factories/attachments.js';
import { bombPart, part, SHEET_HEAD, SHEET_TAIL, workbookOf, zipOf } from '../test/hostile-files.js';
import { sanitizeFileName, sniffFileType } from './file-types.js';
import { contentDisposition } from './uploads.js';

const MiB = 1024 * 1024;
const sniff = (data: Buffer) => sniffFileType(data, 100 * MiB);

describe('sniffFileType: the type by content', () => {
  it('knows PDF, PNG, JPEG, Word, Excel and text (UTF-8 and GB18030)', async () => {
    expect(await sniff(PDF_BYTES)).toEqual({ type: 'pdf' });
    expect(await sniff(PNG_BYTES)).toEqual({ type: 'png' });
    expect(await sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toEqual({ type: 'jpeg' });
    expect(await sniff(docxOf('合同'))).toEqual({ type: 'docx' });
    expect(await sniff(workbookOf(`${SHEET_HEAD}${SHEET_TAIL}`))).toEqual({ type: 'xlsx' });
    expect(await sniff(Buffer.from('企业,产值\n甲,100\n'))).toEqual({ type: 'text' });
    expect(await sniff(iconv.encode('衡阳市工业企业', 'gb18030'))).toEqual({ type: 'text' });
  });

  it('refuses a program, binary noise, a ZIP that is no Office file, and bombs (honest or lying headers)', async () => {
    expect(await sniff(EXE_BYTES)).toEqual({ problem: 'forbidden' });
    expect(await sniff(Buffer.from([0x00, 0x01, 0x02, 0x03]))).toEqual({ problem: 'forbidden' });
    expect(await sniff(zipOf([part('a.txt', 'hello')]))).toEqual({ problem: 'forbidden' });
    const honest = zipOf([part('[Content_Types].xml', '<Types/>'), bombPart('word/document.xml', 200)]);
    expect(await sniff(honest)).toEqual({ problem: 'archive_too_large' });
    // The header claims 10 KB; inflating stops as soon as the bytes pass it.
    const lying = zipOf([part('[Content_Types].xml', '<Types/>'), { ...bombPart('word/document.xml', 50), size: 10_000 }]);
    expect(await sniff(lying)).toEqual({ problem: 'forbidden' });
  });
});

describe('names', () => {
  it('keeps the last path segment without control or reserved characters, with the extension of its type', () => {
    expect(sanitizeFileName('..\\..\\windows\\报告.PDF', 'pdf')).toBe('报告.PDF');
    expect(sanitizeFileName('a<b>:c|d?.png', 'png')).toBe('abcd.png');
    expect(sanitizeFileName('photo.pdf', 'png')).toBe('photo.pdf.png');
    expect(sanitizeFileName('\u0000\u0007', 'text')).toBe('file.txt');
    expect(sanitizeFileName(`${'长'.repeat(200)}.docx`, 'docx')).toHaveLength(120);
  });

  it('sends a Chinese name as RFC 5987 filename* with an ASCII fallback', () => {
    expect(contentDisposition('营业执照(副本).pdf', 'attachment-7.pdf')).toBe(
      `attachment; filename="attachment-7.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%28%E5%89%AF%E6%9C%AC%29.pdf`,
    );
  });
});
