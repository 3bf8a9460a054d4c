/** Messages of the formatting layer: export title rows, period labels, codes behind names (spread into zh-CN.ts). */
export const formatZhCN = {
  'common.excel.period': '期别：{period}',
  'common.excel.unit': '单位：{unit}',
  'common.excel.exportedAt': '导出时间：{at}（北京时间）',
  'common.codeOf': '代码：{code}',
  'monitoring.trendJanFebTotal': '{year}年1–2月合计',
  'monitoring.trendJanFebNote': '1 月、2 月合并报送，“1–2月合计”柱为两个月之和（未拆分到各月）。',
  'figures.unit.wan': '万元',
  'figures.unit.wanKwh': '万千瓦时',
  'figures.firm.yearPeriod': '{year}年各月',
  'figures.firm.fileUnits': '金额 元；用电量 千瓦时；从业人员 人（原始数据，未换算）',
  'enterprises.chainCodes': '产业链代码',
  'enterprises.regionCode': '区县代码',
  'common.chainCodes': '产业链代码',
  'enterprises.figures.fileUnits': '金额 万元；用电量 万千瓦时；从业人员 人',
} as const;
