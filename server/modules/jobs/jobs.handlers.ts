// What each kind of job does: the same service call as its synchronous route, with progress, and
// the answer that route would have given ({ status, body }) as the job's result.
import { z } from 'zod';
import { MONEY_UNITS, type ImportProgress } from '../../../shared/contracts/figures.js';
import type { JobKind } from '../../../shared/contracts/jobs.js';
import { generateBriefRequest } from '../../../shared/contracts/briefs.js';
import { translate, type Locale } from '../../../shared/i18n/index.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { generateBrief } from '../briefs/briefs.service.js';
import { importAnswerOf, importFigures } from '../figures/import/import.service.js';
import { answerEnterpriseImport } from '../enterprises/import/import.service.js';
import { IMPORT_MODES } from '../../../shared/contracts/enterprises.js';
import { IMPORT_KINDS as PROJECT_IMPORT_KINDS } from '../../../shared/contracts/projects.js';
import { chainCodeSchema } from '../../../shared/contracts/identifiers.js';
import { answerProjectImport } from '../projects/import/import.service.js';
import { importChainList, IMPORT_LISTS } from '../chains/chains.import.js';
import { publishPeriod } from '../periods/periods.service.js';

export type JobContext = {
  db: Db;
  actor: Actor;
  input: Record<string, unknown>;
  file: Buffer | null;
  fileName: string | null;
  locale: Locale;
  /** Reports how far the job is (0–100) and what it does now. */
  progress: (percent: number, message: string) => void;
};

export type JobAnswer = { status: number; body: unknown };
export type JobHandler = (ctx: JobContext) => Promise<JobAnswer>;

/** The options of a figures import job: those of the import's query. */
const figuresImportJobInput = z.object({
  dryRun: z.boolean(),
  acceptWarnings: z.boolean(),
  period: z.string().optional(),
  unit: z.enum(MONEY_UNITS),
});

/** The options of an enterprise import job: those of the import's query, parsed. */
const enterprisesImportJobInput = z.object({
  dryRun: z.boolean(),
  mode: z.enum(IMPORT_MODES),
  effectiveFromYear: z.number().int().optional(),
  acceptWarnings: z.boolean(),
});

/** The options of a project (or monthly-investment) import job. */
const projectsImportJobInput = z.object({ kind: z.enum(PROJECT_IMPORT_KINDS), dryRun: z.boolean() });

/** The options of a chain list's import job: the chain, the list, check only or write. */
const chainListImportJobInput = z.object({ code: chainCodeSchema, list: z.enum(IMPORT_LISTS), dryRun: z.boolean() });

/** An import's phases as a percentage: reading up to 40 % (rows counted, the total unknown), checking 45 %, writing 50–99 %. */
export function importPercent(p: ImportProgress): number {
  switch (p.phase) {
    case 'queued':
      return 0;
    case 'read':
      return Math.min(40, 5 + Math.floor(p.done / 2_500));
    case 'check':
      return 45;
    case 'write':
      return p.total ? 50 + Math.floor((49 * p.done) / p.total) : 50;
  }
}

function importMessage(locale: Locale, p: ImportProgress): string {
  switch (p.phase) {
    case 'queued':
      return translate(locale, 'jobs.message.importQueued', { ahead: p.done });
    case 'read':
      return translate(locale, 'jobs.message.importRead', { done: p.done });
    case 'check':
      return translate(locale, 'jobs.message.importCheck', { total: p.total ?? p.done });
    case 'write':
      return translate(locale, 'jobs.message.importWrite', { done: p.done, total: p.total ?? p.done });
  }
}

export const JOB_HANDLERS: Record<JobKind, JobHandler> = {
  figures_import: async ({ db, actor, input, file, fileName, locale, progress }) => {
    const options = figuresImportJobInput.parse(input);
    const outcome = await importFigures(db, actor, {
      source: { data: file ?? Buffer.alloc(0) },
      fileName,
      ...options,
      onProgress: (p) => progress(importPercent(p), importMessage(locale, p)),
    });
    return importAnswerOf(outcome, locale);
  },
  enterprises_import: async ({ db, actor, input, file, fileName, locale, progress }) => {
    const options = enterprisesImportJobInput.parse(input);
    progress(10, translate(locale, 'jobs.message.running'));
    const data = file ?? Buffer.alloc(0);
    return { status: 200, body: await answerEnterpriseImport(db, actor, { data, fileName: fileName ?? undefined, ...options }, locale) };
  },
  projects_import: async ({ db, actor, input, file, locale, progress }) => {
    const options = projectsImportJobInput.parse(input);
    progress(10, translate(locale, 'jobs.message.running'));
    return { status: 200, body: await answerProjectImport(db, actor, { ...options, source: { data: file ?? Buffer.alloc(0) } }, locale) };
  },
  chain_list_import: async ({ db, actor, input, file, locale, progress }) => {
    const { code, list, dryRun } = chainListImportJobInput.parse(input);
    progress(10, translate(locale, 'jobs.message.running'));
    const source = { data: file ?? Buffer.alloc(0) };
    return { status: 200, body: await importChainList(db, actor, code, list, { source, dryRun }, locale) };
  },
  period_publish: async ({ db, actor, input, locale, progress }) => {
    progress(10, translate(locale, 'jobs.message.publish'));
    return { status: 200, body: await publishPeriod(db, actor, String(input.period)) };
  },
  brief_generate: async ({ db, actor, input, locale, progress }) => {
    progress(10, translate(locale, 'jobs.message.brief'));
    return { status: 201, body: await generateBrief(db, actor, generateBriefRequest.parse(input)) };
  },
};
