import { describe, expect, it } from 'vitest';
import { PROJECT_STAGES, PROJECT_STATES, type ProjectState, type StageDates } from './contracts/projects.js';
import { hasReached, movesFrom, moveProject, stageIndex, type MoveInput } from './project-lifecycle.js';

const TODAY = '2024-12-31';

/** A project at `from` that reached every stage up to it on consecutive days of January 2024. */
function datesUpTo(from: ProjectState): StageDates {
  const dates: StageDates = {};
  const last = from === 'terminated' ? 3 : stageIndex(from);
  PROJECT_STAGES.slice(0, last + 1).forEach((s, i) => (dates[s] = `2024-01-${String(i + 1).padStart(2, '0')}`));
  return dates;
}

function input(from: ProjectState, to: ProjectState, extra: Partial<MoveInput> = {}): MoveInput {
  return { from, to, on: '2024-06-01', skippedDates: {}, reason: null, stageDates: datesUpTo(from), today: TODAY, ...extra };
}

/** Dates in June 2024 for every stage (enough to skip anything). */
const ALL_SKIPPED: StageDates = Object.fromEntries(PROJECT_STAGES.map((s) => [s, '2024-05-01']));

const pairs = PROJECT_STATES.flatMap((from) => PROJECT_STATES.map((to) => [from, to] as const));

describe('project lifecycle: every pair of states', () => {
  it.each(pairs)('%s → %s', (from, to) => {
    const bare = moveProject(input(from, to));
    const withReason = moveProject(input(from, to, { reason: '客商调整投资计划' }));
    const withDates = moveProject(input(from, to, { skippedDates: ALL_SKIPPED }));
    if (from === 'terminated') {
      expect(bare).toMatchObject({ ok: false, messageKey: 'projects.error.terminatedFinal' });
      expect(withReason.ok).toBe(false);
      return;
    }
    if (from === to) {
      expect(bare).toMatchObject({ ok: false, messageKey: 'projects.error.sameStage' });
      return;
    }
    if (to === 'terminated') {
      expect(bare).toMatchObject({ ok: false, messageKey: 'projects.error.reasonRequired' });
      expect(withReason).toMatchObject({ ok: true, kind: 'terminate' });
      return;
    }
    const step = stageIndex(to) - stageIndex(from);
    if (step < 0) {
      expect(bare).toMatchObject({ ok: false, messageKey: 'projects.error.backNeedsReason' });
      expect(withReason).toMatchObject({ ok: true, kind: 'back' });
      return;
    }
    if (step === 1) {
      expect(bare).toMatchObject({ ok: true, kind: 'forward', events: [{ fromStage: from, toStage: to, on: '2024-06-01' }] });
      return;
    }
    // A skip: refused without the skipped stages' dates, allowed with them, one event per stage.
    expect(bare).toMatchObject({
      ok: false,
      messageKey: 'projects.error.skippedNeedsDate',
      params: { stage: PROJECT_STAGES[stageIndex(from) + 1] },
    });
    expect(withDates).toMatchObject({ ok: true, kind: 'forward' });
    if (withDates.ok) expect(withDates.events).toHaveLength(step);
  });
});

describe('project lifecycle: dates and reasons', () => {
  it('keeps the skipped stages dated in order and refuses a skipped date before the last one', () => {
    const ok = moveProject(input('negotiating', 'registered', { skippedDates: { signed: '2024-03-01' } }));
    expect(ok).toMatchObject({
      ok: true,
      stageDates: { lead: '2024-01-01', negotiating: '2024-01-02', signed: '2024-03-01', registered: '2024-06-01' },
    });
    const early = moveProject(input('negotiating', 'registered', { skippedDates: { signed: '2023-12-01' } }));
    expect(early).toMatchObject({
      ok: false,
      messageKey: 'projects.error.dateBeforePrevious',
      params: { stage: 'signed', previous: '2024-01-02' },
    });
    const backwards = moveProject(input('negotiating', 'registered', { skippedDates: { signed: '2024-07-01' } }));
    expect(backwards).toMatchObject({ ok: false, messageKey: 'projects.error.dateBeforePrevious', params: { stage: 'registered' } });
  });

  it('refuses a date in the future', () => {
    expect(moveProject(input('lead', 'negotiating', { on: '2025-01-01' }))).toMatchObject({
      ok: false,
      messageKey: 'projects.error.futureDate',
    });
  });

  it('forgets the dates of the stages a move back undoes', () => {
    const back = moveProject(input('started', 'signed', { reason: '用地未落实，退回' }));
    expect(back).toMatchObject({ ok: true, stageDates: { lead: '2024-01-01', negotiating: '2024-01-02', signed: '2024-01-03' } });
    if (back.ok) expect(Object.keys(back.stageDates)).toEqual(['lead', 'negotiating', 'signed']);
  });

  it('offers every other stage and 终止, nothing once terminated', () => {
    expect(movesFrom('signed')).toHaveLength(10);
    expect(movesFrom('signed')).toContain('terminated');
    expect(movesFrom('terminated')).toEqual([]);
    expect(hasReached('producing', 'started')).toBe(true);
    expect(hasReached('signed', 'started')).toBe(false);
    expect(hasReached('terminated', 'lead')).toBe(false);
  });
});
