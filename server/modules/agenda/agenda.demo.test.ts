import { describe, expect, it } from 'vitest';
import { demoAgendaOf } from './agenda.demo.js';

const group = (firms: number, department: string) => ({
  kind: 'department' as const,
  category: null,
  nodeId: null,
  nodeName: null,
  department,
  firms,
  tickets: firms + 1,
  ticketIds: [firms],
});

describe('demo agenda', () => {
  it('puts a chain’s first three proposals on the agenda: resolved in September, discussed in October, waiting for November', () => {
    const items = demoAgendaOf('CH02', [
      group(5, '市财政局'),
      group(4, '市发展和改革委员会'),
      group(3, '国网衡阳供电公司'),
      group(2, '市交通运输局'),
    ]);
    expect(items.map((i) => [i.groupKey, i.firms, i.status, i.meetingOn])).toEqual([
      ['department:市财政局', 5, 'resolved', '2026-09-18'],
      ['department:市发展和改革委员会', 4, 'discussed', '2026-10-23'],
      ['department:国网衡阳供电公司', 3, 'scheduled', '2026-11-20'],
    ]);
    expect(demoAgendaOf('CH03', [group(2, '市商务局')]).map((i) => i.status)).toEqual(['resolved']);
    expect(demoAgendaOf('CH03', [])).toEqual([]);
  });
});
