import { describe, expect, it } from 'vitest';
import { toUnitText } from './amounts';

describe('toUnitText', () => {
  it('writes stored 元 exactly in the chosen unit', () => {
    expect(toUnitText(12_345_678, 10_000)).toBe('1234.5678');
    expect(toUnitText(12_340_000, 10_000)).toBe('1234');
    expect(toUnitText(-15_000, 10_000)).toBe('-1.5');
    expect(toUnitText(5, 1000)).toBe('0.005');
    expect(toUnitText(5, 1)).toBe('5');
    expect(toUnitText(null, 1)).toBe('');
  });
});
