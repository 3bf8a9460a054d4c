import { z } from 'zod';
import { idParams, itemList, recordVersion, requiredText } from './common.js';
import { chainCodeSchema, monthSchema, regionCodeSchema } from './identifiers.js';
import type { Role } from '../roles.js';

/** Roles that read or write briefs (the service checks the rest): a park, a department and an enterprise have no brief of their own. */
export const BRIEF_ROLES: readonly Role[] = ['admin', 'leader', 'chain_chief', 'chain_office', 'county'];

/**
 * Routes (server/modules/briefs, prefix /api/briefs):
 * - `GET /` (briefsQuery → briefsResponse: the latest version of each series the caller may read),
 *   `POST /` (generateBriefRequest → brief, 201: a new version of its series),
 * - `GET /:id` (brief), `PATCH /:id` (updateBriefRequest → brief; draft only, 409 version_conflict),
 *   `POST /:id/actions` (briefActionRequest → brief), `GET /:id/versions` (briefsResponse: every version of the series, newest first),
 * - `GET /:id/export/:format` (docx | pdf | xlsx; a file; pdf answers 503 when LibreOffice is not installed),
 * - `GET /templates` (briefTemplatesResponse), `PUT /templates` (updateBriefTemplatesRequest → briefTemplatesResponse; admin;
 *   422 naming an unknown placeholder or unbalanced braces).
 *
 * 产业链运行月报: a brief generated from a published month's snapshot, for the whole city, one chain or
 * one county (区县). Generated (draft) → edited (narrative parts) → submitted → reviewed → published
 * (frozen). A republished month marks its briefs outdated; regenerating makes a new version and keeps
 * the old one.
 */
export const BRIEF_KINDS = ['city', 'chain', 'region'] as const;
export type BriefKind = (typeof BRIEF_KINDS)[number];

export const BRIEF_STATUSES = ['draft', 'submitted', 'reviewed', 'published'] as const;
export type BriefStatus = (typeof BRIEF_STATUSES)[number];

/** Workflow actions; `return` sends a submitted or reviewed brief back to draft with a reason. */
export const BRIEF_ACTIONS = ['submit', 'review', 'publish', 'return'] as const;
export type BriefAction = (typeof BRIEF_ACTIONS)[number];

/** The sections in document order; a section without data (no projects yet) is left out of a brief. */
export const BRIEF_SECTION_KEYS = ['overview', 'chains', 'areas', 'targets', 'warnings', 'investment', 'problems', 'focus'] as const;
export type BriefSectionKey = (typeof BRIEF_SECTION_KEYS)[number];

/** Where a figure came from: the published snapshot, another module's records, or typed by a person. */
export const BRIEF_FIGURE_SOURCES = ['snapshot', 'projects', 'tickets', 'manual'] as const;

/** One figure inside a sentence: what the web preview shows on hover. */
export const briefFigure = z.object({
  /** Stable key inside the brief (`total_output`, `chain.CH02.growth`). */
  key: z.string().min(1).max(80),
  /** As printed in the text: `855.04`, `6.2`, `4`. */
  text: z.string().max(40),
  /** Unit printed after it: `亿元`, `%`, `条`, `个百分点`, or empty. */
  unit: z.string().max(12),
  /** Definition in words (`规上工业总产值，当年价`). */
  definition: z.string().max(200),
  /** `2024年1—6月`. */
  period: z.string().max(40),
  /** `全市15条产业链规上企业` or the chain / county. */
  range: z.string().max(120),
  source: z.enum(BRIEF_FIGURE_SOURCES),
  /** The snapshot's publication (month and version) or the module read; empty for a typed figure. */
  sourceNote: z.string().max(200),
});
export type BriefFigure = z.infer<typeof briefFigure>;

/** A piece of generated text: plain words or a figure. */
export const briefSegment = z.union([z.object({ text: z.string().max(4000) }), z.object({ figure: briefFigure })]);
export type BriefSegment = z.infer<typeof briefSegment>;

/** Rich text a person edits (the editable parts of a section): paragraphs and bullet lists of styled runs. */
export const richRun = z.object({
  text: z.string().max(4000),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  /** Marks a figure typed by hand in a narrative (shown marked in the preview and the document). */
  manualFigure: z.boolean().optional(),
});
export const richBlock = z.object({
  kind: z.enum(['paragraph', 'bullet']),
  runs: z.array(richRun).max(200),
});
export const richText = z.array(richBlock).max(200);
export type RichText = z.infer<typeof richText>;

/** A table of a section, also a sheet of the xlsx export. Cells are already formatted for print. */
export const briefTable = z.object({
  key: z.string(),
  title: z.string(),
  /** `单位：亿元，%` */
  unitNote: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});
export type BriefTable = z.infer<typeof briefTable>;

/** A chart rendered by the server (ECharts SVG) for the preview and as an image in the document. */
export const briefChart = z.object({ key: z.string(), title: z.string(), svg: z.string() });

export const briefSection = z.object({
  key: z.enum(BRIEF_SECTION_KEYS),
  /** `一、总体运行情况` */
  title: z.string(),
  /** Generated paragraphs (from the templates), frozen once generated. */
  paragraphs: z.array(z.array(briefSegment)),
  tables: z.array(briefTable),
  charts: z.array(briefChart),
  /** The part a person writes or edits (for `focus` the whole section); null when the section has none yet. */
  narrative: richText.nullable(),
});
export type BriefSection = z.infer<typeof briefSection>;

export const briefActor = z.object({ username: z.string(), displayName: z.string(), at: z.string() }).nullable();

export const briefSummary = z.object({
  id: z.number().int(),
  /** Briefs of the same month and range share a series; each regeneration is a new version. */
  seriesVersion: z.number().int(),
  kind: z.enum(BRIEF_KINDS),
  period: z.string(),
  /** `2024年1—6月` */
  periodLabel: z.string(),
  chainCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  /** `衡阳市`, the chain's or the county's name. */
  rangeName: z.string(),
  title: z.string(),
  status: z.enum(BRIEF_STATUSES),
  /** Generated from an unpublished month for data staff: marked 初步 everywhere, never published. */
  preliminary: z.boolean(),
  /** The month was republished after this brief was generated. */
  outdated: z.boolean(),
  /** A newer version of the same series exists. */
  superseded: z.boolean(),
  generatedBy: briefActor,
  submittedBy: briefActor,
  reviewedBy: briefActor,
  publishedBy: briefActor,
  /** The last `return` to draft (who and when) and its reason; null when never returned. */
  returnedBy: briefActor,
  returnReason: z.string().nullable(),
  version: recordVersion,
});
export type BriefSummary = z.infer<typeof briefSummary>;

export const brief = briefSummary.extend({
  /** The opening paragraph (the first sentence states the headline figures). */
  lead: z.array(briefSegment),
  sections: z.array(briefSection),
  /** The as-of time and publication the figures were read from. */
  asOf: z.string(),
  publicationNote: z.string(),
  /** What the caller may do now. */
  actions: z.array(z.enum(BRIEF_ACTIONS)),
  mayEdit: z.boolean(),
  mayRegenerate: z.boolean(),
});
export type Brief = z.infer<typeof brief>;

export const briefsQuery = z.object({
  period: monthSchema.optional(),
  kind: z.enum(BRIEF_KINDS).optional(),
  status: z.enum(BRIEF_STATUSES).optional(),
});
export const briefsResponse = itemList(briefSummary);

export const generateBriefRequest = z
  .object({
    period: monthSchema,
    kind: z.enum(BRIEF_KINDS),
    chainCode: chainCodeSchema.optional(),
    regionCode: regionCodeSchema.optional(),
    /** Data staff may generate from a month not yet published: a 初步 brief. */
    preliminary: z.boolean().default(false),
  })
  .refine((b) => (b.kind === 'chain') === (b.chainCode !== undefined), { path: ['chainCode'], message: 'a chain brief names its chain' })
  .refine((b) => (b.kind === 'region') === (b.regionCode !== undefined), {
    path: ['regionCode'],
    message: 'a county brief names its region',
  });
export type GenerateBriefRequest = z.input<typeof generateBriefRequest>;

export const briefParams = idParams;

/** Edit the narrative parts (by section key); only in draft. */
export const updateBriefRequest = z.object({
  narratives: z.partialRecord(z.enum(BRIEF_SECTION_KEYS), richText),
  version: recordVersion,
});
export type UpdateBriefRequest = z.input<typeof updateBriefRequest>;

export const briefActionRequest = z.object({
  action: z.enum(BRIEF_ACTIONS),
  reason: z.string().trim().max(500).optional(),
  version: recordVersion,
});
export type BriefActionRequest = z.input<typeof briefActionRequest>;

export const BRIEF_EXPORT_FORMATS = ['docx', 'pdf', 'xlsx'] as const;
export const briefExportParams = briefParams.extend({ format: z.enum(BRIEF_EXPORT_FORMATS) });

/** The sentence templates an admin edits: `{placeholder}` names from the template's list. */
export const BRIEF_TEMPLATE_KEYS = [
  'opening',
  /** The opening of a chain's brief (no double-digit count: one chain). */
  'chainOpening',
  'chainsIntro',
  'chainLine',
  'areasIntro',
  'targetsIntro',
  'warningsIntro',
  'investmentIntro',
  'problemsIntro',
] as const;
export type BriefTemplateKey = (typeof BRIEF_TEMPLATE_KEYS)[number];

export const briefTemplate = z.object({
  key: z.enum(BRIEF_TEMPLATE_KEYS),
  /** What the sentence is for, in Chinese. */
  label: z.string(),
  text: requiredText(2000),
  /** The placeholders this template may use, with what each stands for. */
  placeholders: z.array(z.object({ name: z.string(), description: z.string() })),
  /** The shipped text (to reset to). */
  defaultText: z.string(),
});
export const briefTemplatesResponse = z.object({
  items: z.array(briefTemplate),
  /** The city's name in titles and page headers (`衡阳市`). */
  cityName: z.string(),
  version: recordVersion,
});
export const updateBriefTemplatesRequest = z.object({
  texts: z.partialRecord(z.enum(BRIEF_TEMPLATE_KEYS), requiredText(2000)),
  cityName: requiredText(20).optional(),
  version: recordVersion,
});
export type UpdateBriefTemplatesRequest = z.input<typeof updateBriefTemplatesRequest>;
