// The chain workspace's lists of issue 13: 招商目标企业清单 (companies outside the city that could fill
// a node, turned into 招商线索) and 可转化科技成果清单 (research results that could be made locally).
// Each row hangs on one node of its chain.
import { z } from 'zod';
import { chainCodeParams } from './chains.js';
import { rowImportReport } from './enterprises.js';
import {
  deleteVersionQuery,
  expectedVersionField,
  itemList,
  optionalText,
  queryBoolean,
  requiredText,
  serialId,
  versionField,
} from './common.js';
import { nodeKeySchema, regionCodeSchema, usccSchema } from './identifiers.js';
import { projectChannelSchema } from './projects.js';
import type { Role } from '../roles.js';

/** Roles that read a chain's 五单 lists (招商目标企业, 科技成果) and the 五单 workbook; the others never see them. */
export const CHAIN_LIST_READER_ROLES: readonly Role[] = ['admin', 'leader', 'chain_chief', 'chain_office'];

export const chainListParams = chainCodeParams;
export const chainListItemParams = chainCodeParams.extend({ id: serialId });
export const chainListQuery = z.object({ node: nodeKeySchema.optional() });
export const chainListDeleteQuery = deleteVersionQuery;

/** A target company (招商目标企业): outside the city, USCC when known (check characters verified by the server). */
export const prospectFields = z.object({
  nodeKey: nodeKeySchema,
  name: requiredText(100),
  uscc: usccSchema.nullable().default(null),
  location: optionalText(100),
  products: optionalText(500),
  source: optionalText(200),
  note: optionalText(1000),
});
export const createProspectRequest = prospectFields;
export type CreateProspectRequest = z.infer<typeof createProspectRequest>;
export const updateProspectRequest = prospectFields.partial().extend(expectedVersionField);
export type UpdateProspectRequest = z.infer<typeof updateProspectRequest>;

/** A row of either list: its id and node, the list's own `fields`, then whether it is demo data and its version. */
function chainListRow<T extends z.ZodRawShape>(fields: T) {
  return z.object({
    id: z.number().int(),
    chainCode: z.string(),
    nodeKey: z.string(),
    nodeName: z.string(),
    ...fields,
    isDemo: z.boolean(),
    ...versionField,
  });
}

export const prospectItem = chainListRow({
  name: z.string(),
  uscc: z.string().nullable(),
  location: z.string().nullable(),
  products: z.string().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  /** The 招商线索 the target became ("转为招商线索"); null until converted. */
  projectId: z.number().int().nullable(),
});
export type ProspectItem = z.infer<typeof prospectItem>;
export const prospectListResponse = itemList(prospectItem);
export type ProspectListResponse = z.infer<typeof prospectListResponse>;

/** "转为招商线索": the lead's county (a project is always recorded in one) and channel. */
export const convertProspectRequest = z.object({
  regionCode: regionCodeSchema,
  channel: projectChannelSchema.default('chain_chief'),
  ...expectedVersionField,
});
export type ConvertProspectRequest = z.infer<typeof convertProspectRequest>;
export const convertProspectResponse = z.object({ projectId: z.number().int(), prospect: prospectItem });
export type ConvertProspectResponse = z.infer<typeof convertProspectResponse>;

/** How ready a research result is for local production. */
export const RESEARCH_MATURITIES = ['lab', 'pilot', 'industrial'] as const;
export const researchMaturitySchema = z.enum(RESEARCH_MATURITIES);
export type ResearchMaturity = z.infer<typeof researchMaturitySchema>;
/** Where the transfer of a result stands. */
export const TRANSFER_STATUSES = ['open', 'negotiating', 'transferred'] as const;
export const transferStatusSchema = z.enum(TRANSFER_STATUSES);
export type TransferStatus = z.infer<typeof transferStatusSchema>;
/** Who holds a result. */
export const HOLDER_KINDS = ['university', 'institute', 'firm'] as const;
export const holderKindSchema = z.enum(HOLDER_KINDS);
export type HolderKind = z.infer<typeof holderKindSchema>;

/** A research result (可转化科技成果). */
export const researchFields = z.object({
  nodeKey: nodeKeySchema,
  title: requiredText(200),
  holder: requiredText(100),
  holderKind: holderKindSchema,
  field: optionalText(100),
  maturity: researchMaturitySchema,
  contact: optionalText(100),
  transferStatus: transferStatusSchema.default('open'),
});
export const createResearchRequest = researchFields;
export type CreateResearchRequest = z.infer<typeof createResearchRequest>;
export const updateResearchRequest = researchFields.partial().extend(expectedVersionField);
export type UpdateResearchRequest = z.infer<typeof updateResearchRequest>;

export const researchItem = chainListRow({
  title: z.string(),
  holder: z.string(),
  holderKind: holderKindSchema,
  field: z.string().nullable(),
  maturity: researchMaturitySchema,
  contact: z.string().nullable(),
  transferStatus: transferStatusSchema,
});
export type ResearchItem = z.infer<typeof researchItem>;
export const researchListResponse = itemList(researchItem);
export type ResearchListResponse = z.infer<typeof researchListResponse>;

/** `POST /api/chains/{code}/prospects/import` (and `/research/import`): `dryRun=true` checks only. */
export const chainListImportQuery = z.object({ dryRun: queryBoolean.optional() });
export const chainListImportReport = rowImportReport;
export type ChainListImportReport = z.infer<typeof chainListImportReport>;
