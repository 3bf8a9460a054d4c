import { describe, expect, it } from 'vitest';
import { generateDemoTasks } from './supervision.demo.js';

// 15 chains CH01…CH15 (i = 0…14) and three parks, as the demo has them.
const CHAINS = Array.from({ length: 15 }, (_, i) => ({
  code: `CH${String(i + 1).padStart(2, '0')}`,
  name: `示例链${i + 1}`,
  office: '市工业和信息化局',
  departments: i % 2 === 0 ? ['市科学技术局'] : [],
}));
const PARKS = [
  { id: 1, name: '衡阳高新区' },
  { id: 2, name: '松木经开区' },
  { id: 3, name: '西渡高新区' },
];

describe('demo supervision tasks', () => {
  const tasks = generateDemoTasks(CHAINS, PARKS).map((t) => t.row);
  const count = (test: (r: (typeof tasks)[number]) => boolean) => tasks.filter(test).length;

  it('sets 3 tasks a chain a year and a park task for every fourth chain in 2026: 15 × 6 + 4 = 94', () => {
    expect(tasks).toHaveLength(94);
    expect(count((r) => r.source === 'target')).toBe(30);
    expect(count((r) => r.assigneeKind === 'park')).toBe(4);
    expect(tasks.every((r) => r.title.endsWith('（示例）'))).toBe(true);
    expect(generateDemoTasks(CHAINS, PARKS).map((t) => t.row)).toEqual(tasks);
  });

  it('finishes all of 2025 (late: the targets of CH05, CH10, CH15) and leaves 2026 partly open', () => {
    expect(count((r) => r.year === 2025 && r.status === 'done')).toBe(45);
    expect(tasks.filter((r) => r.year === 2025 && r.onTime === false).map((r) => r.chainCode)).toEqual(['CH05', 'CH10', 'CH15']);
    // 2026: leader task A of the 7 odd places done late; task B of places 0, 3, 6, 9, 12 overdue at 60%.
    expect(count((r) => r.year === 2026 && r.status === 'done')).toBe(25);
    expect(count((r) => r.year === 2026 && r.onTime === false)).toBe(7);
    const overdue = tasks.filter((r) => r.status === 'in_progress' && r.deadline === '2026-10-30');
    expect(overdue.map((r) => [r.chainCode, r.progress])).toEqual([
      ['CH01', 60],
      ['CH04', 60],
      ['CH07', 60],
      ['CH10', 60],
      ['CH13', 60],
    ]);
    expect(count((r) => r.source === 'target' && r.year === 2026 && r.status === 'in_progress' && r.progress === 75)).toBe(15);
    expect(count((r) => r.status === 'todo')).toBe(4);
    expect(count((r) => r.status === 'done')).toBe(70);
  });
});
