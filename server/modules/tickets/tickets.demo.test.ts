import { describe, expect, it } from 'vitest';
import { workingDaysBetween } from '../../lib/calendar.js';
import { generateDemoTickets } from './tickets.demo.js';

const FIRMS = Array.from({ length: 50 }, (_, i) => ({
  uscc: `91430400MA4L${String(i).padStart(6, '0')}`,
  regionCode: '430421',
  parkId: null,
  chainCodes: ['CH02'],
  primaryChain: 'CH02',
  primaryNode: 1,
}));

describe('demo tickets', () => {
  const tickets = generateDemoTickets(7, FIRMS, '2026-11-13');
  const rows = tickets.map((t) => t.row);

  it('is the same for the same seed, ~400 a year 2023–2025 and the part of 2026 up to mid-November', () => {
    expect(generateDemoTickets(7, FIRMS, '2026-11-13').map((t) => t.row)).toEqual(rows);
    const perYear = (year: string) => rows.filter((r) => r.filedOn.startsWith(year)).length;
    for (const year of ['2023', '2024', '2025']) expect(perYear(year)).toBeGreaterThan(380);
    expect(perYear('2026')).toBeGreaterThan(330);
    expect(perYear('2026')).toBeLessThan(370);
    expect(rows.every((r) => r.title.endsWith('（示例）'))).toBe(true);
  });

  it('closes most with realistic times, some late, extended, parked, returned and still open', () => {
    const closed = rows.filter((r) => r.state === 'closed');
    expect(closed.length / rows.length).toBeGreaterThan(0.8);
    const late = closed.filter((r) => r.onTime === false).length / closed.length;
    expect(late).toBeGreaterThan(0.03);
    expect(late).toBeLessThan(0.25);
    const days = closed.map((r) => r.workingDays ?? 0).sort((a, b) => a - b);
    const median = days[Math.floor(days.length / 2)] ?? 0;
    expect(median).toBeGreaterThanOrEqual(5);
    expect(median).toBeLessThanOrEqual(14);
    expect(rows.filter((r) => r.extended).length).toBeGreaterThan(20);
    for (const state of ['parked', 'returned', 'in_progress', 'answered', 'pending'] as const) {
      expect(
        rows.some((r) => r.state === state),
        state,
      ).toBe(true);
    }
  });

  it('keeps every date in workflow order and each closed ticket counted on the calendar', () => {
    for (const r of rows.filter((x) => x.state === 'closed')) {
      const order = [r.filedOn, r.assignedOn, r.answeredOn, r.ratedOn, r.closedOn];
      expect(order.every((d) => typeof d === 'string')).toBe(true);
      expect([...order].sort()).toEqual(order);
      expect(r.workingDays).toBe(workingDaysBetween(r.filedOn, r.closedOn ?? ''));
      expect(r.onTime).toBe((r.answeredOn ?? '') <= (r.dueDate ?? ''));
    }
  });
});
