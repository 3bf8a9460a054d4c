import { describe, expect, it } from 'vitest';
import type { RichText } from '../../../../shared/contracts/briefs';
import { docToRichText, richTextToDoc } from './rich-text';

const narrative: RichText = [
  { kind: 'paragraph', runs: [{ text: '下月重点推进' }, { text: '3', manualFigure: true }, { text: '个重大项目。' }] },
  { kind: 'bullet', runs: [{ text: '抓好', bold: true }, { text: '工业技改' }] },
  { kind: 'bullet', runs: [{ text: '强化要素保障', italic: true }] },
  { kind: 'paragraph', runs: [{ text: '末段。' }] },
];

describe('the narrative in the editor', () => {
  it('puts consecutive bullets into one list with one item each', () => {
    const doc = richTextToDoc(narrative);
    expect(doc.content?.map((node) => node.type)).toEqual(['paragraph', 'bulletList', 'paragraph']);
    expect(doc.content?.[1]?.content).toHaveLength(2);
    expect(doc.content?.[0]?.content?.[1]).toEqual({ type: 'text', text: '3', marks: [{ type: 'manualFigure' }] });
  });

  it('comes back from the editor as it went in', () => {
    expect(docToRichText(richTextToDoc(narrative))).toEqual(narrative);
  });

  it('gives an empty narrative one empty paragraph to type in, and leaves empty lines out', () => {
    expect(richTextToDoc(null)).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(
      docToRichText({ type: 'doc', content: [{ type: 'paragraph' }, { type: 'paragraph', content: [{ type: 'text', text: '一句。' }] }] }),
    ).toEqual([{ kind: 'paragraph', runs: [{ text: '一句。' }] }]);
  });

  it('joins neighbouring text of one style into one run', () => {
    const doc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '增长' }, { type: 'text', text: '6.2%' }, { type: 'hardBreak' }] }],
    };
    expect(docToRichText(doc)).toEqual([{ kind: 'paragraph', runs: [{ text: '增长6.2%\n' }] }]);
  });
});
