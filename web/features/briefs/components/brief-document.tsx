import { lazy, Suspense, type CSSProperties } from 'react';
import { Skeleton } from 'antd';
import type { Brief, BriefSection, BriefTable, RichText } from '../../../../shared/contracts/briefs';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { ManualTag, Segments } from './brief-figure';

// The editor (ProseMirror) loads only when a draft is edited: reading a brief does not carry it.
const NarrativeEditor = lazy(async () => ({ default: (await import('./narrative-editor')).NarrativeEditor }));

/** Chinese government brief typography: 仿宋 body, 黑体 section heads, 小标宋 title, on an A4-wide page. */
const FANGSONG = "'FangSong', 'STFangsong', 'FangSong_GB2312', 'Noto Serif CJK SC', 'Source Han Serif SC', serif";
const HEITI = "'SimHei', 'STHeiti', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";
const TITLE = "'FZXiaoBiaoSong-B05S', 'STZhongsong', 'SimSun', 'Noto Serif CJK SC', serif";

const PAGE: CSSProperties = {
  maxWidth: 794,
  margin: '0 auto',
  padding: '56px 72px',
  background: '#fff',
  color: '#000',
  boxShadow: '0 1px 8px rgba(0, 0, 0, 0.15)',
  fontFamily: FANGSONG,
  fontSize: 18,
  lineHeight: 1.9,
};
const PARAGRAPH: CSSProperties = { textIndent: '2em', margin: '0 0 4px', textAlign: 'justify' };
const CELL: CSSProperties = { border: '1px solid #000', padding: '2px 6px', fontSize: 14, lineHeight: 1.5 };

/** A narrative part as the document shows it: paragraphs and bullets, bold and italic, typed figures marked. */
function Narrative({ blocks }: { blocks: RichText }) {
  return (
    <>
      {blocks.map((block, i) => (
        <p key={i} style={block.kind === 'bullet' ? { ...PARAGRAPH, textIndent: 0, paddingLeft: '2em' } : PARAGRAPH}>
          {block.kind === 'bullet' ? '• ' : null}
          {block.runs.map((run, j) => (
            <span
              key={j}
              style={{ fontWeight: run.bold ? 'bold' : undefined, fontStyle: run.italic ? 'italic' : undefined, whiteSpace: 'pre-wrap' }}
            >
              {run.text}
              {run.manualFigure ? <ManualTag /> : null}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

function Table({ table }: { table: BriefTable }) {
  return (
    <figure style={{ margin: '12px 0' }}>
      <figcaption style={{ textAlign: 'center', fontFamily: HEITI, fontSize: 15 }}>{table.title}</figcaption>
      <div style={{ textAlign: 'right', fontSize: 13 }}>{table.unitNote}</div>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid={`brief-table-${table.key}`}>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col" style={{ ...CELL, fontFamily: HEITI, fontWeight: 'normal' }}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} style={{ ...CELL, textAlign: j === 0 ? 'left' : 'right' }}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** A server-rendered chart: its SVG shown as an image, so nothing inside it runs or styles the page. */
function Chart({ title, svg }: { title: string; svg: string }) {
  return (
    <figure style={{ margin: '12px 0', textAlign: 'center' }}>
      <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={title} style={{ maxWidth: '100%' }} />
      <figcaption style={{ fontFamily: HEITI, fontSize: 15 }}>{title}</figcaption>
    </figure>
  );
}

export type NarrativeEditing = {
  /** The narratives as edited so far (by section key). */
  drafts: Partial<Record<BriefSection['key'], RichText>>;
  onChange: (key: BriefSection['key'], value: RichText) => void;
};

function Section({ section, editing }: { section: BriefSection; editing: NarrativeEditing | null }) {
  const t = useT();
  const narrative = editing?.drafts[section.key] ?? section.narrative;
  return (
    <section data-testid={`brief-section-${section.key}`} aria-label={section.title}>
      <h2 style={{ fontFamily: HEITI, fontSize: 18, fontWeight: 'normal', margin: '16px 0 4px', textIndent: '2em' }}>{section.title}</h2>
      {section.paragraphs.map((paragraph, i) => (
        <p key={i} style={PARAGRAPH}>
          <Segments segments={paragraph} />
        </p>
      ))}
      {section.tables.map((table) => (
        <Table key={table.key} table={table} />
      ))}
      {section.charts.map((chart) => (
        <Chart key={chart.key} title={chart.title} svg={chart.svg} />
      ))}
      {editing ? (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 2 }} />}>
          <NarrativeEditor
            value={narrative}
            onChange={(value) => editing.onChange(section.key, value)}
            label={t('briefs.editor.label', { section: section.title })}
            testId={`brief-editor-${section.key}`}
          />
        </Suspense>
      ) : narrative ? (
        <Narrative blocks={narrative} />
      ) : null}
    </section>
  );
}

/**
 * The brief as a document (A4 column): title, the range and period, the lead, then each section with
 * its generated paragraphs, tables, charts and narrative (an editor for each section while editing).
 */
export function BriefDocument({ brief, editing }: { brief: Brief; editing: NarrativeEditing | null }) {
  const t = useT();
  return (
    <article style={PAGE} data-testid="brief-document" aria-label={brief.title}>
      <h1 style={{ fontFamily: TITLE, fontSize: 28, fontWeight: 'normal', textAlign: 'center', margin: '0 0 8px', color: '#c00' }}>
        {brief.title}
      </h1>
      <p style={{ textAlign: 'center', margin: '0 0 16px', fontSize: 16 }}>
        {brief.rangeName} · {brief.periodLabel}
        {brief.preliminary ? `（${t('briefs.preliminary')}）` : ''}
      </p>
      <hr style={{ border: 0, borderTop: '2px solid #c00', margin: '0 0 16px' }} />
      <p style={PARAGRAPH} data-testid="brief-lead">
        <Segments segments={brief.lead} />
      </p>
      {brief.sections.map((section) => (
        <Section key={section.key} section={section} editing={editing} />
      ))}
      <p style={{ fontSize: 13, marginTop: 24, color: '#555', lineHeight: 1.6 }}>
        {t('briefs.asOf', {
          asOf: Number.isNaN(Date.parse(brief.asOf)) ? brief.asOf : formatDateTime(brief.asOf),
          note: brief.publicationNote,
        })}
      </p>
    </article>
  );
}
