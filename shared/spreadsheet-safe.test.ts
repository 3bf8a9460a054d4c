import { describe, expect, it } from 'vitest';
import { neutraliseFormulaText, safeCell } from './spreadsheet-safe.js';

describe('formula injection in exports', () => {
  it('prefixes a quote to text starting with = + - @, a tab or a carriage return', () => {
    expect(neutraliseFormulaText('=HYPERLINK("http://evil.example","点我")')).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(neutraliseFormulaText("+cmd|' /C calc'!A0")).toBe(`'+cmd|' /C calc'!A0`);
    expect(neutraliseFormulaText('-2+3+cmd|x')).toBe(`'-2+3+cmd|x`);
    expect(neutraliseFormulaText('@SUM(1,2)')).toBe(`'@SUM(1,2)`);
    expect(neutraliseFormulaText('\t=1+1')).toBe(`'\t=1+1`);
  });

  it('leaves ordinary text, numbers as text, a lone dash and non-text cells alone', () => {
    expect(neutraliseFormulaText('衡阳甲变压器有限公司')).toBe('衡阳甲变压器有限公司');
    expect(neutraliseFormulaText('a=b')).toBe('a=b');
    expect(neutraliseFormulaText('-12.5')).toBe('-12.5');
    expect(neutraliseFormulaText('+3%')).toBe('+3%');
    expect(neutraliseFormulaText('-1,234')).toBe('-1,234');
    expect(neutraliseFormulaText('-0.52 亿元')).toBe('-0.52 亿元');
    expect(neutraliseFormulaText('-1+亿元')).toBe(`'-1+亿元`);
    expect(neutraliseFormulaText('-')).toBe('-');
    expect(safeCell(-3_816)).toBe(-3_816);
    expect(safeCell(null)).toBeNull();
    expect(safeCell(true)).toBe(true);
    expect(safeCell('=1+1')).toBe(`'=1+1`);
  });
});
