// A stored brief → the contract's shapes: the summary (with outdated and superseded worked out by
// the caller) and the whole brief with what the caller may do now.
import {
  briefActor,
  briefSection,
  briefSegment,
  type Brief,
  type BriefKind,
  type BriefStatus,
  type BriefSummary,
} from '../../../shared/contracts/briefs.js';
import { z } from 'zod';
import type { BriefContent } from './briefs.generate.js';
import type { BriefRow } from './briefs.queries.js';

const content = z.object({
  title: z.string(),
  periodLabel: z.string(),
  rangeName: z.string(),
  lead: z.array(briefSegment),
  sections: z.array(briefSection),
  asOf: z.string(),
  publicationNote: z.string(),
});

/** The stored content, checked against the contract (a row written by this module always passes). */
export function contentOf(row: BriefRow): BriefContent {
  return content.parse(row.content);
}

/** A row's status (the CHECK constraint holds it to the contract's list). */
export function statusOfRow(row: BriefRow): BriefStatus {
  return row.status as BriefStatus; // briefs_status_check
}

/** A row's kind (the CHECK constraint holds it to the contract's list). */
export function kindOf(row: BriefRow): BriefKind {
  return row.kind as BriefKind; // briefs_kind_check
}

const actorOf = (value: unknown) => briefActor.parse(value ?? null);

export function presentSummary(row: BriefRow, facts: { outdated: boolean; superseded: boolean }): BriefSummary {
  const c = contentOf(row);
  return {
    id: row.id,
    seriesVersion: row.seriesVersion,
    kind: kindOf(row),
    status: statusOfRow(row),
    period: row.period,
    periodLabel: c.periodLabel,
    chainCode: row.chainCode,
    regionCode: row.regionCode,
    rangeName: c.rangeName,
    title: c.title,
    preliminary: row.preliminary,
    outdated: facts.outdated,
    superseded: facts.superseded,
    generatedBy: actorOf(row.generatedBy),
    submittedBy: actorOf(row.submittedBy),
    reviewedBy: actorOf(row.reviewedBy),
    publishedBy: actorOf(row.publishedBy),
    returnedBy: actorOf(row.returnedBy),
    returnReason: row.returnReason,
    version: row.version,
  };
}

export function presentBrief(
  row: BriefRow,
  facts: { outdated: boolean; superseded: boolean },
  may: Pick<Brief, 'actions' | 'mayEdit' | 'mayRegenerate'>,
): Brief {
  const c = contentOf(row);
  return { ...presentSummary(row, facts), lead: c.lead, sections: c.sections, asOf: c.asOf, publicationNote: c.publicationNote, ...may };
}
