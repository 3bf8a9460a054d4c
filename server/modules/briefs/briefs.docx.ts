// The brief as a Word document: A4, Chinese fonts named for Word and LibreOffice (body 仿宋_GB2312,
// headings 黑体; LibreOffice substitutes what fontconfig has, e.g. Noto CJK), a header with the city
// and the period, page numbers in the footer, tables, and the charts as PNG images (rasterised from
// the ECharts SVG with resvg, which loads the system's fonts so Chinese labels render).
import { Resvg } from '@resvg/resvg-js';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { pushAll } from '../../../shared/arrays.js';
import type { Brief, BriefSegment, BriefTable, RichText } from '../../../shared/contracts/briefs.js';

/** Body text: 仿宋_GB2312 (Word on Windows), Latin in Times New Roman. */
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312', cs: 'FangSong' };
/** Headings: 黑体. */
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'SimHei' };
/** Title: 方正小标宋简体 is the house font of government briefs; 黑体 where it is missing is close enough. */
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'SimHei' };

const CM = 567;

/** An SVG chart as PNG bytes at twice its size (crisp when printed). */
export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width * 2 },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC' },
  });
  return resvg.render().asPng();
}

function svgSize(svg: string): { width: number; height: number } {
  const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 640);
  const height = Number(/height="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 360);
  return { width, height };
}

function run(text: string, options: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: BODY_FONT, size: 32, ...options });
}

function segmentsParagraph(segments: BriefSegment[]): Paragraph {
  return new Paragraph({
    indent: { firstLine: 2 * 32 * 10 },
    spacing: { line: 560, lineRule: 'exact' },
    children: segments.map((s) => ('text' in s ? run(s.text) : run(`${s.figure.text}${s.figure.unit}`))),
  });
}

function richParagraphs(text: RichText): { paragraphs: Paragraph[]; manual: boolean } {
  let manual = false;
  const paragraphs = text.map(
    (block) =>
      new Paragraph({
        ...(block.kind === 'bullet' ? { bullet: { level: 0 } } : { indent: { firstLine: 640 } }),
        spacing: { line: 560, lineRule: 'exact' },
        children: block.runs.flatMap((r) => {
          const runs = [run(r.text, { bold: r.bold, italics: r.italic, ...(r.manualFigure ? { underline: { type: 'dotted' } } : {}) })];
          if (r.manualFigure) {
            manual = true;
            runs.push(run('*', { superScript: true }));
          }
          return runs;
        }),
      }),
  );
  return { paragraphs, manual };
}

function tableOf(t: BriefTable): (Paragraph | Table)[] {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text, font: header ? HEADING_FONT : BODY_FONT, size: 21 })],
        }),
      ],
    });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 200 },
      children: [new TextRun({ text: t.title, font: HEADING_FONT, size: 24 })],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: t.unitNote, font: BODY_FONT, size: 20 })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: t.columns.map((c) => cell(c, true)) }),
        ...t.rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
      ],
    }),
  ];
}

/** The .docx bytes of a brief. */
export async function briefToDocx(brief: Brief, cityName: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  const preliminary = brief.preliminary ? '（初步）' : '';
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [new TextRun({ text: brief.title, font: TITLE_FONT, size: 44 })],
    }),
  );
  if (brief.preliminary) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run('初步数据，未经发布，不得对外引用', { bold: true, color: 'C00000', size: 28 })],
      }),
    );
  }
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(brief.publicationNote, { size: 20 })] }));
  children.push(segmentsParagraph(brief.lead));
  let manual = false;
  for (const section of brief.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: section.title, font: HEADING_FONT, size: 32, color: '000000' })],
      }),
    );
    for (const p of section.paragraphs) children.push(segmentsParagraph(p));
    if (section.narrative) {
      const rich = richParagraphs(section.narrative);
      manual ||= rich.manual;
      pushAll(children, rich.paragraphs);
    }
    for (const t of section.tables) pushAll(children, tableOf(t));
    for (const chart of section.charts) {
      const size = svgSize(chart.svg);
      const width = 560;
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 200 },
          children: [
            new ImageRun({
              type: 'png',
              data: svgToPng(chart.svg, size.width),
              transformation: { width, height: Math.round((size.height / size.width) * width) },
              altText: { name: chart.key, title: chart.title, description: chart.title },
            }),
          ],
        }),
      );
    }
  }
  if (manual) children.push(new Paragraph({ children: [run('注：标 * 的数字为人工填写，非统计发布数据。', { size: 24 })] }));
  const headerText = `${cityName} · 产业链运行月报${preliminary} · ${brief.periodLabel}`;
  const doc = new Document({
    title: brief.title,
    creator: 'ChainChief 链长通',
    styles: { default: { document: { run: { font: BODY_FONT, size: 32 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: Math.round(3.7 * CM), bottom: Math.round(3.5 * CM), left: Math.round(2.8 * CM), right: Math.round(2.6 * CM) },
          },
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(headerText, { size: 20 })] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES, ' —'], font: BODY_FONT, size: 24 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
