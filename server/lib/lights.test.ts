import { describe, expect, it } from 'vitest';
import { lightBoundsOf, lightOf } from './lights.js';

const light = (deadline: string | null, today: string) => lightOf(deadline, lightBoundsOf(today));

describe('督办 lights', () => {
  it('is red past the deadline, yellow within 2 working days, green before', () => {
    expect(light('2025-10-10', '2025-10-11')).toBe('red');
    expect(light('2025-10-10', '2025-10-10')).toBe('yellow');
    // 30 September → 10 October: two working days (9, 10 October) across the National Day holiday.
    expect(light('2025-10-10', '2025-09-30')).toBe('yellow');
    expect(light('2025-10-08', '2025-09-30')).toBe('yellow');
    // 29 September → 10 October: three (30 September, 9, 10 October).
    expect(light('2025-10-10', '2025-09-29')).toBe('green');
    // 11 October is a make-up Saturday: from 9 October, 10 and 11 are the two working days.
    expect(light('2025-10-11', '2025-10-09')).toBe('yellow');
    expect(light('2025-10-13', '2025-10-09')).toBe('green');
    expect(light(null, '2025-10-09')).toBeNull();
  });

  it('reads yellow when the days before the deadline reach an uncovered year', () => {
    expect(lightBoundsOf('2026-12-30')).toEqual({ today: '2026-12-30', yellowBefore: null });
    expect(light('2027-01-04', '2026-12-30')).toBe('yellow');
    expect(light('2027-02-01', '2026-12-03')).toBe('green');
  });
});
