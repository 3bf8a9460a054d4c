// What other modules read of 数据审核与发布: the months' statuses, the published snapshots and the
// answers stored with them, coverage and what open review items hold back. Reads, and the one write
// monitoring makes (an answer computed on first read of a published month); every move of a month
// goes through periods.service.
import type { PeriodStatus } from '../../../shared/publication/workflow.js';
import type { Db } from '../../db/client.js';
import type { FirmFilter, FiguresView } from '../monitoring/monitoring.sql.js';
import {
  countRevisionsSince,
  insertSnapshotAnswer,
  selectCoverage,
  selectHeldBack,
  selectLatestPublishedPeriod,
  selectLatestSnapshot,
  selectPeriodStatuses,
  selectSnapshotAnswer,
  selectSnapshots,
  type CoverageDimension,
  type CoverageRow,
  type SnapshotRow,
} from './periods.queries.js';

export type { SnapshotRow };

/** The latest published month, or null before the first publication. */
export function latestPublishedPeriod(db: Db): Promise<string | null> {
  return selectLatestPublishedPeriod(db);
}

/** The status of each month from `from` to `to` that has left 采集中 (the rest are collecting). */
export function periodStatuses(db: Db, from: string, to: string): Promise<Map<string, PeriodStatus>> {
  return selectPeriodStatuses(db, from, to);
}

/** The newest snapshot of a month, or none while it was never published. */
export function latestSnapshotOf(db: Db, period: string): Promise<SnapshotRow | null> {
  return selectLatestSnapshot(db, period);
}

/** The snapshots of the months from `from` to `to`. */
export function snapshotsBetween(db: Db, from: string, to: string): Promise<SnapshotRow[]> {
  return selectSnapshots(db, from, to);
}

/** How many figure revisions a month has had since the version its snapshot was taken at. */
export function revisionsSince(db: Db, period: string, figuresVersion: number): Promise<number> {
  return countRevisionsSince(db, period, figuresVersion);
}

/** Reported against expected firms of a month (optionally by chain, region or park). */
export function coverageOf(
  db: Db,
  input: { period: string; filter: FirmFilter; view: FiguresView; by: CoverageDimension | null },
): Promise<CoverageRow[]> {
  return selectCoverage(db, input);
}

/** The firms and gross output of a range held back by open review items. */
export function heldBackOf(
  db: Db,
  input: { year: number; from: string; to: string; filter: FirmFilter },
): Promise<{ enterprises: number; output: number }> {
  return selectHeldBack(db, input);
}

/** An answer stored with a snapshot under `key`, or none yet. */
export function storedAnswerOf(db: Db, snapshotId: number, key: string): Promise<unknown> {
  return selectSnapshotAnswer(db, snapshotId, key);
}

/** Stores the answer of a published month's snapshot under `key` (the first computation wins). */
export function storeAnswer(db: Db, snapshotId: number, key: string, answer: unknown): Promise<void> {
  return insertSnapshotAnswer(db, snapshotId, key, answer);
}
