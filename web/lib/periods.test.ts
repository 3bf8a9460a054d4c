import { describe, expect, it } from 'vitest';
import { janFebOf, pickableMonths } from './periods';

describe('month pickers fold January into 1–2月', () => {
  it('answers January with its February once February has begun, other months as they are', () => {
    expect(janFebOf('2024-01')).toBe('2024-02');
    expect(janFebOf('2024-02')).toBe('2024-02');
    expect(janFebOf('2024-06')).toBe('2024-06');
    // A February still in the future: January stands alone until then.
    expect(janFebOf('2099-01')).toBe('2099-01');
  });

  it('lists each 1–2月 once, newest first', () => {
    expect(pickableMonths('2024-03', 5)).toEqual(['2024-03', '2024-02', '2023-12', '2023-11']);
  });
});
