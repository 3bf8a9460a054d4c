// The downloads of a brief: .docx, .pdf (LibreOffice) and .xlsx (its tables), named after its title.
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { briefToDocx } from './briefs.docx.js';
import { docxToPdf } from './briefs.pdf.js';
import { getBrief } from './briefs.service.js';
import { cityNameOf } from './briefs.templates.js';
import { briefToXlsx } from './briefs.xlsx.js';

export type BriefExportFormat = 'docx' | 'pdf' | 'xlsx';

const MIME: Record<BriefExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A brief's file in `format`, with its Chinese name and an ASCII fallback. */
export async function exportBrief(
  db: Db,
  actor: Actor,
  id: number,
  format: BriefExportFormat,
): Promise<{ data: Buffer; mime: string; fileName: string; fallback: string }> {
  const brief = await getBrief(db, actor, id);
  const docx = format === 'xlsx' ? null : await briefToDocx(brief, await cityNameOf(db));
  const data = docx === null ? await briefToXlsx(brief) : format === 'pdf' ? await docxToPdf(docx) : docx;
  const version = brief.seriesVersion > 1 ? `-v${brief.seriesVersion}` : '';
  return {
    data,
    mime: MIME[format],
    fileName: `${brief.title}${version}.${format}`,
    fallback: `brief-${brief.period}-${brief.kind}${brief.chainCode ? `-${brief.chainCode}` : ''}${brief.regionCode ? `-${brief.regionCode}` : ''}${version}.${format}`,
  };
}
