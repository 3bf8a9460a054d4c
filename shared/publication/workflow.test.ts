import { describe, expect, it } from 'vitest';
import { actionsFrom, isDataStaffUser, isOpenDisposition, PERIOD_ACTIONS, PERIOD_STATUSES, transitionOf } from './workflow.js';

describe('the month workflow table', () => {
  it('allows exactly these moves, every other (action, status) pair refused', () => {
    const allowed: string[] = [];
    for (const action of PERIOD_ACTIONS) {
      for (const from of PERIOD_STATUSES) {
        const move = transitionOf(action, from);
        if (move !== null) allowed.push(`${action}: ${from} → ${move.to}${move.reasonRequired ? ' (reason)' : ''}`);
      }
    }
    expect(allowed).toEqual([
      'start_review: collecting → review',
      'back_to_collecting: review → collecting',
      'publish: collecting → published',
      'publish: review → published',
      'reopen: published → review (reason)',
    ]);
    // 12 pairs in all: 5 allowed, 7 refused.
    expect(PERIOD_ACTIONS.length * PERIOD_STATUSES.length - allowed.length).toBe(7);
  });

  it('offers each status its actions', () => {
    expect(actionsFrom('collecting')).toEqual(['start_review', 'publish']);
    expect(actionsFrom('review')).toEqual(['back_to_collecting', 'publish']);
    expect(actionsFrom('published')).toEqual(['reopen']);
  });

  it('leaves 未处理 and 已交办 open, settles 已核实属实 and 已更正', () => {
    expect([
      isOpenDisposition('pending'),
      isOpenDisposition('assigned'),
      isOpenDisposition('confirmed'),
      isOpenDisposition('corrected'),
    ]).toEqual([true, true, false, false]);
  });

  it('counts the admin, chain offices and statistics reviewers as data staff, nobody else', () => {
    expect(isDataStaffUser({ role: 'admin', statsReviewer: false })).toBe(true);
    expect(isDataStaffUser({ role: 'chain_office', statsReviewer: false })).toBe(true);
    expect(isDataStaffUser({ role: 'leader', statsReviewer: true })).toBe(true);
    for (const role of ['leader', 'chain_chief', 'county', 'park', 'department', 'enterprise'])
      expect(isDataStaffUser({ role, statsReviewer: false }), role).toBe(false);
  });
});
