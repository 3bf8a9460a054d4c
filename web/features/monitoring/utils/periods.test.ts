import { describe, expect, it } from 'vitest';
import { monthsEndingWith, yuanToWan } from './periods';

describe('dashboard periods', () => {
  it('lists months oldest first', () => {
    expect(monthsEndingWith('2024-02', 4)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthsEndingWith('2024-02', 24)).toHaveLength(24);
  });

  it('converts yuan to wan', () => {
    expect(yuanToWan(123_456_789)).toBeCloseTo(12_345.6789);
  });
});
