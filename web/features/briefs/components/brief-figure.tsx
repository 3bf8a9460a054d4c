import { Tag, Tooltip } from 'antd';
import type { BriefFigure, BriefSegment } from '../../../../shared/contracts/briefs';
import { useT } from '../../../lib/i18n';

/** The typed (手填) mark after a figure or a run a person typed. */
export function ManualTag() {
  const t = useT();
  return (
    <Tag color="orange" style={{ marginInline: 2, fontFamily: 'sans-serif', fontSize: 11, lineHeight: '16px', paddingInline: 3 }}>
      {t('briefs.figure.manual')}
    </Tag>
  );
}

/** What a figure is: its definition, period, range and source, as the hover card shows it. */
function FigureCard({ figure }: { figure: BriefFigure }) {
  const t = useT();
  const rows: [string, string][] = [
    [t('briefs.figure.definition'), figure.definition],
    [t('briefs.figure.period'), figure.period],
    [t('briefs.figure.range'), figure.range],
    [t('briefs.figure.source'), [t(`briefs.source.${figure.source}`), figure.sourceNote].filter((s) => s !== '').join(' · ')],
  ];
  return (
    <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 8 }}>
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt style={{ opacity: 0.75 }}>{label}</dt>
          <dd style={{ margin: 0 }}>{value || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * One figure of the text, underlined; hovering or focusing it (Tab reaches it) shows where it comes
 * from. A figure typed by hand carries the 手填 mark.
 */
export function FigureSpan({ figure }: { figure: BriefFigure }) {
  return (
    <>
      <Tooltip title={<FigureCard figure={figure} />} trigger={['hover', 'focus']}>
        <span
          tabIndex={0}
          data-testid={`brief-figure-${figure.key}`}
          style={{ borderBottom: '1px dashed rgba(22, 119, 255, 0.6)', cursor: 'help' }}
        >
          {figure.text}
          {figure.unit}
        </span>
      </Tooltip>
      {figure.source === 'manual' ? <ManualTag /> : null}
    </>
  );
}

/** A generated paragraph: its words and figures in order. */
export function Segments({ segments }: { segments: readonly BriefSegment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        'figure' in segment ? <FigureSpan key={i} figure={segment.figure} /> : <span key={i}>{segment.text}</span>,
      )}
    </>
  );
}
