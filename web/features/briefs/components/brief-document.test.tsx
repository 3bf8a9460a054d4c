// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Brief, BriefFigure, RichText } from '../../../../shared/contracts/briefs';
import { renderInApp } from '../../../test/render';
import { BriefDocument } from './brief-document';

afterEach(cleanup);

const total: BriefFigure = {
  key: 'total_output',
  text: '855.04',
  unit: '亿元',
  definition: '规上工业总产值，当年价',
  period: '2024年1—6月',
  range: '全市15条产业链规上企业',
  source: 'snapshot',
  sourceNote: '2024-06 第1次发布',
};
const typed: BriefFigure = { ...total, key: 'typed', text: '3', unit: '个', definition: '新开工项目', source: 'manual', sourceNote: '' };

function sampleBrief(focus: RichText | null): Brief {
  return {
    id: 7,
    seriesVersion: 1,
    kind: 'city',
    period: '2024-06',
    periodLabel: '2024年1—6月',
    chainCode: null,
    regionCode: null,
    rangeName: '衡阳市',
    title: '衡阳市产业链运行月报',
    status: 'draft',
    preliminary: false,
    outdated: false,
    superseded: false,
    generatedBy: { username: 'admin', displayName: '管理员', at: '2024-07-10T02:00:00.000Z' },
    returnedBy: null,
    returnReason: null,
    submittedBy: null,
    reviewedBy: null,
    publishedBy: null,
    version: 1,
    lead: [{ text: '1—6月，全市15条产业链规上企业实现总产值' }, { figure: total }, { text: '。' }],
    sections: [
      {
        key: 'overview',
        title: '一、总体运行情况',
        paragraphs: [[{ text: '新开工' }, { figure: typed }, { text: '项目。' }]],
        tables: [
          {
            key: 'chains',
            title: '表1 各产业链产值',
            unitNote: '单位：亿元，%',
            columns: ['产业链', '产值'],
            rows: [['输变电', '120.50']],
          },
        ],
        charts: [{ key: 'growth', title: '图1 增速', svg: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' }],
        narrative: null,
      },
      { key: 'focus', title: '八、下月工作重点', paragraphs: [], tables: [], charts: [], narrative: focus },
    ],
    asOf: '2024-07-05T08:00:00.000Z',
    publicationNote: '2024-06 已发布',
    actions: ['submit'],
    mayEdit: true,
    mayRegenerate: false,
  };
}

describe('the brief as a document', () => {
  it('reads the lead with its figure, and tells on focus where the figure comes from', async () => {
    renderInApp(<BriefDocument brief={sampleBrief(null)} editing={null} />);
    expect(screen.getByTestId('brief-lead').textContent).toContain('1—6月，全市15条产业链规上企业实现总产值855.04亿元。');
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByTestId('brief-figure-total_output'));
    const card = await screen.findByRole('tooltip');
    expect(card.textContent).toContain('规上工业总产值，当年价');
    expect(card.textContent).toContain('2024年1—6月');
    expect(card.textContent).toContain('全市15条产业链规上企业');
    expect(card.textContent).toContain('统计发布快照 · 2024-06 第1次发布');
  });

  it('marks a typed figure 手填 and shows charts as images, never as markup of the page', () => {
    renderInApp(<BriefDocument brief={sampleBrief(null)} editing={null} />);
    const overview = screen.getByTestId('brief-section-overview');
    expect(within(overview).getByText('手填')).toBeTruthy();
    const chart = within(overview).getByRole('img', { name: '图1 增速' });
    expect(chart.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(overview.querySelector('svg script')).toBeNull();
    expect(within(screen.getByTestId('brief-table-chains')).getByRole('cell', { name: '120.50' })).toBeTruthy();
  });

  it('shows a narrative with its typed figures marked', () => {
    const focus: RichText = [
      { kind: 'bullet', runs: [{ text: '推进' }, { text: '5', manualFigure: true }, { text: '个项目', bold: true }] },
    ];
    renderInApp(<BriefDocument brief={sampleBrief(focus)} editing={null} />);
    const section = screen.getByTestId('brief-section-focus');
    expect(section.textContent).toContain('• 推进5手填个项目');
  });
});
