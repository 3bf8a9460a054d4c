import { describe, expect, it } from 'vitest';
import { isHeaderRow, isQualifierOnly, mergeHeaderRows, parseHeader } from './import.headers.js';

const spec = (text: string) => parseHeader(text).spec;

describe('parseHeader', () => {
  it('reads the measure, basis and unit from brackets, full-width or ASCII', () => {
    expect(spec('工业总产值(当月,千元)')).toEqual({ kind: 'value', field: 'grossOutput', basis: 'month', multiplier: 1000n });
    expect(spec('工业总产值（万元）')).toEqual({ kind: 'value', field: 'grossOutput', basis: null, multiplier: 10000n });
    expect(spec('营业收入(元)')).toEqual({ kind: 'value', field: 'revenue', basis: null, multiplier: 1n });
    expect(spec('利润总额【本年累计，万元】')).toEqual({ kind: 'value', field: 'profit', basis: 'ytd', multiplier: 10000n });
    expect(spec(' 税金总额 ( 1-6月 ; 千元 ) ')).toEqual({ kind: 'value', field: 'taxes', basis: 'ytd', multiplier: 1000n });
  });

  it('reads qualifiers written before or after the name, and after a slash', () => {
    expect(spec('本年累计工业总产值(万元)')).toEqual({ kind: 'value', field: 'grossOutput', basis: 'ytd', multiplier: 10000n });
    expect(spec('工业总产值本月')).toEqual({ kind: 'value', field: 'grossOutput', basis: 'month', multiplier: null });
    expect(spec('营业收入/万元')).toEqual({ kind: 'value', field: 'revenue', basis: null, multiplier: 10000n });
    expect(spec('1-6月工业总产值')).toEqual({ kind: 'value', field: 'grossOutput', basis: 'ytd', multiplier: null });
  });

  it('maps 上年同期 columns to the prior-year base fields, with their own basis', () => {
    expect(spec('上年同期工业总产值(万元)')).toEqual({ kind: 'value', field: 'prevYearGrossOutput', basis: null, multiplier: 10000n });
    expect(spec('营业收入(上年同期累计,千元)')).toEqual({ kind: 'value', field: 'prevYearRevenue', basis: 'ytd', multiplier: 1000n });
    // 用电量 has no 上年同期 base: the column is ignored.
    expect(spec('用电量(上年同期)')).toBeNull();
  });

  it('knows electricity and head-count units; employees are never year-to-date', () => {
    expect(spec('用电量(万千瓦时)')).toEqual({ kind: 'value', field: 'electricityKwh', basis: null, multiplier: 10000n });
    expect(spec('用电量(kWh)')).toEqual({ kind: 'value', field: 'electricityKwh', basis: null, multiplier: 1n });
    expect(spec('从业人员平均人数(本年累计,人)')).toEqual({ kind: 'value', field: 'employees', basis: 'month', multiplier: 1n });
  });

  it('reports a money unit on a measure that is not money', () => {
    expect(parseHeader('用电量(万元)')).toEqual({ spec: null, unitMismatch: { unit: '万元', measure: 'electricityKwh' } });
  });

  it('recognises the identity columns and ignores others', () => {
    expect(spec('统一社会信用代码*')).toEqual({ kind: 'uscc' });
    expect(spec('单位详细名称')).toEqual({ kind: 'name' });
    expect(spec('期别')).toEqual({ kind: 'period' });
    expect(spec('序号')).toBeNull();
    expect(spec('备注')).toBeNull();
  });
});

describe('header rows', () => {
  it('needs the USCC column and a measure column', () => {
    expect(isHeaderRow(['2024年6月规上工业企业主要指标'])).toBe(false);
    expect(isHeaderRow(['统一社会信用代码', '企业名称'])).toBe(false);
    expect(isHeaderRow(['序号', '统一社会信用代码', '工业总产值(万元)'])).toBe(true);
  });

  it('joins a second row of qualifiers under merged measure cells', () => {
    expect(isQualifierOnly('本月')).toBe(true);
    expect(isQualifierOnly('1-6月累计')).toBe(true);
    expect(isQualifierOnly('上年同期（万元）')).toBe(true);
    expect(isQualifierOnly('91430400MA4L000038')).toBe(false);
    expect(mergeHeaderRows(['统一社会信用代码', '工业总产值(万元)', '', ''], ['', '本月', '累计', '上年同期'])).toEqual([
      '统一社会信用代码',
      '工业总产值(万元)(本月)',
      '工业总产值(万元)(累计)',
      '工业总产值(万元)(上年同期)',
    ]);
  });
});
