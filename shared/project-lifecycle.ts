// The one state machine of a project's lifecycle (线索 → … → 入规, 终止 from anywhere). The server
// applies it to every move (API, board, import); the web asks it which moves to offer.
import { PROJECT_STAGES, TERMINATED, type ProjectStage, type ProjectState, type StageDates } from './contracts/projects.js';
import type { MessageKey } from './i18n/index.js';

export type MoveInput = {
  from: ProjectState;
  to: ProjectState;
  /** The day the project reached `to` (YYYY-MM-DD). */
  on: string;
  /** Dates of the stages skipped on a forward move. */
  skippedDates: StageDates;
  reason: string | null;
  /** The dates the project reached each stage so far. */
  stageDates: StageDates;
  /** Today (YYYY-MM-DD): no stage is reached in the future. */
  today: string;
};

export type MoveEvent = { fromStage: ProjectState; toStage: ProjectState; on: string; reason: string | null };

export type MoveResult =
  | { ok: true; kind: 'forward' | 'back' | 'terminate'; stageDates: StageDates; events: MoveEvent[] }
  | { ok: false; messageKey: MessageKey; params: Record<string, string> };

/** Position of a stage in the lifecycle (0 = 线索). */
export function stageIndex(stage: ProjectStage): number {
  return PROJECT_STAGES.indexOf(stage);
}

/** Whether a state is one of the ten stages (not 终止). */
export function isStage(state: ProjectState): state is ProjectStage {
  return state !== TERMINATED;
}

/** Whether the project has reached `stage` (its current stage is that one or a later one). */
export function hasReached(current: ProjectState, stage: ProjectStage): boolean {
  return isStage(current) && stageIndex(current) >= stageIndex(stage);
}

function refuse(messageKey: MessageKey, params: Record<string, string> = {}): MoveResult {
  return { ok: false, messageKey, params };
}

/** The latest date among the stages up to and including `stage`. */
function latestDateUpTo(stageDates: StageDates, stage: ProjectStage): string | null {
  let latest: string | null = null;
  for (const s of PROJECT_STAGES.slice(0, stageIndex(stage) + 1)) {
    const d = stageDates[s];
    if (d !== undefined && (latest === null || d > latest)) latest = d;
  }
  return latest;
}

/**
 * Checks one move and says what it changes. Rules: 终止 is final and needs a reason; forward moves
 * are dated, each skipped stage needs its own date, and dates never go back in time nor into the
 * future; moving back needs a reason and forgets the dates of the stages undone.
 */
export function moveProject(input: MoveInput): MoveResult {
  const { from, to, on, reason, today } = input;
  if (!isStage(from)) return refuse('projects.error.terminatedFinal');
  if (from === to) return refuse('projects.error.sameStage');
  if (on > today) return refuse('projects.error.futureDate', { date: on });
  if (!isStage(to)) {
    if (!reason) return refuse('projects.error.reasonRequired');
    return { ok: true, kind: 'terminate', stageDates: input.stageDates, events: [{ fromStage: from, toStage: to, on, reason }] };
  }
  const fromIndex = stageIndex(from);
  const toIndex = stageIndex(to);
  if (toIndex < fromIndex) {
    if (!reason) return refuse('projects.error.backNeedsReason');
    const stageDates: StageDates = {};
    for (const s of PROJECT_STAGES.slice(0, toIndex + 1)) if (input.stageDates[s] !== undefined) stageDates[s] = input.stageDates[s];
    return { ok: true, kind: 'back', stageDates, events: [{ fromStage: from, toStage: to, on, reason }] };
  }
  const stageDates: StageDates = { ...input.stageDates };
  const events: MoveEvent[] = [];
  let previous: ProjectStage = from;
  let floor = latestDateUpTo(input.stageDates, from);
  for (const stage of PROJECT_STAGES.slice(fromIndex + 1, toIndex + 1)) {
    const date = stage === to ? on : input.skippedDates[stage];
    if (date === undefined) return refuse('projects.error.skippedNeedsDate', { stage });
    if (date > today) return refuse('projects.error.futureDate', { date });
    if (floor !== null && date < floor) return refuse('projects.error.dateBeforePrevious', { stage, date, previous: floor });
    stageDates[stage] = date;
    events.push({ fromStage: previous, toStage: stage, on: date, reason: stage === to ? reason : null });
    previous = stage;
    floor = date;
  }
  return { ok: true, kind: 'forward', stageDates, events };
}

/** The states a project may be moved to from `from` (every stage but its own, and 终止), none once terminated. */
export function movesFrom(from: ProjectState): ProjectState[] {
  if (!isStage(from)) return [];
  const targets: ProjectState[] = PROJECT_STAGES.filter((s) => s !== from);
  targets.push(TERMINATED);
  return targets;
}
