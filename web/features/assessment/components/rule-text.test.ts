import { describe, expect, it } from 'vitest';
import { translate } from '../../../../shared/i18n';
import type { Translate } from '../../../lib/i18n';
import { describeFigures, describeRule } from './rule-text';

const t: Translate = (key, params) => translate('zh-CN', key, params);

describe('the method and figures beside a score', () => {
  it('words each rule on its unit scale', () => {
    expect(describeRule({ kind: 'linear', floor: 0, target: 0.1 }, 25, 'rate', t, 'zh-CN')).toBe(
      '线性计分：0.0% 得 0 分，达到 10.0% 得满分 25 分，其间按比例',
    );
    expect(describeRule({ kind: 'rank' }, 15, 'count', t, 'zh-CN')).toBe(
      '排名计分：最优者得满分 15 分，第 r 名（共 n 个）得 15 ×（n − r + 1）÷ n',
    );
    const steps = [
      { atLeast: 0.8, share: 0.6 },
      { atLeast: 0.95, share: 1 },
    ];
    expect(describeRule({ kind: 'threshold', steps }, 10, 'rate', t, 'zh-CN')).toBe(
      '达标计分：≥ 80.0% 得 6 分、≥ 95.0% 得 10 分，否则 0 分',
    );
  });

  it('lists the value, period, status and the numbers behind it, money in 万元', () => {
    const text = describeFigures(
      {
        value: 0.1,
        unit: 'rate',
        period: '2025-01…2025-03',
        asOf: null,
        status: 'published',
        detail: { output: 3_300_000 },
        evidence: null,
      },
      t,
      'zh-CN',
    );
    expect(text).toBe('取值 10.0%；期间 2025-01…2025-03；状态 已发布；年初至今产值 330.00万元');
  });
});
