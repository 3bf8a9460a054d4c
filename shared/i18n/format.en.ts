import type { formatZhCN } from './format.zh-CN.js';

/** English messages of the formatting layer. */
export const formatEn: Record<keyof typeof formatZhCN, string> = {
  'common.excel.period': 'Period: {period}',
  'common.excel.unit': 'Unit: {unit}',
  'common.excel.exportedAt': 'Exported: {at} (Beijing time)',
  'common.codeOf': 'Code: {code}',
  'monitoring.trendJanFebTotal': 'Jan–Feb {year} total',
  'monitoring.trendJanFebNote':
    'January and February are reported together: the “Jan–Feb total” bar is the sum of both months (not split by month).',
  'figures.unit.wan': '10k yuan (万元)',
  'figures.unit.wanKwh': '10k kWh (万千瓦时)',
  'figures.firm.yearPeriod': 'months of {year}',
  'figures.firm.fileUnits': 'money in yuan; electricity in kWh; employees in persons (as stored, not converted)',
  'enterprises.chainCodes': 'Chain codes',
  'enterprises.regionCode': 'Region code',
  'common.chainCodes': 'Chain codes',
  'enterprises.figures.fileUnits': 'money in 万元 (10,000 yuan); electricity in 万千瓦时 (10,000 kWh); employees in persons',
};
