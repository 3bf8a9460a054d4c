import { describe, expect, it } from 'vitest';
import { DEFAULT_WARNING_SETTINGS, type WarningItem } from '../../../../shared/contracts/warnings';
import { translate } from '../../../../shared/i18n/index';
import { explainWarning } from './explain';

const firm = { uscc: '91430421000000001X', name: '甲公司', regionCode: '430421', parkName: null, chainCodes: ['CH02'] };
const none = { drop: null, notReported: null, belowScale: null, unitSlip: null, disposition: null };
const zh = (item: WarningItem) => explainWarning(item, DEFAULT_WARNING_SETTINGS, (key, params) => translate('zh-CN', key, params), 'zh-CN');

describe('the explanation column (amounts in 万元)', () => {
  it('lists each month of a drop with its base and change', () => {
    const item: WarningItem = {
      ...firm,
      ...none,
      kind: 'output_drop',
      drop: {
        months: [
          { label: '2024-06', output: 750_000, outputPrevYear: 1_000_000, yoy: -0.25 },
          { label: '2024-05', output: 800_000, outputPrevYear: 1_000_000, yoy: -0.2 },
        ],
      },
    };
    expect(zh(item)).toBe('2024-06：75.00万元，上年同期 100.00万元，-25.0%；2024-05：80.00万元，上年同期 100.00万元，-20.0%');
  });

  it('says when a report was due, how revenue annualises and how far a month is off its median', () => {
    expect(zh({ ...firm, ...none, kind: 'not_reported', notReported: { dueDate: '2024-07-10' } })).toBe(
      '报送截止 2024-07-10，仍无本月数据',
    );
    expect(
      zh({ ...firm, ...none, kind: 'below_scale', belowScale: { revenueYtd: 9_000_000, months: 6, annualisedRevenue: 18_000_000 } }),
    ).toBe('1–6月累计营业收入 900.00万元，折合全年 1,800.00万元，低于 2,000.00万元');
    expect(
      zh({ ...firm, ...none, kind: 'unit_slip', unitSlip: { output: 10_000_000, median: 1_000_000, medianMonths: 5, ratio: 10 } }),
    ).toBe('当月产值 1,000.00万元，是前 12 个月中位数 100.00万元（5 个月）的 10 倍');
  });
});
