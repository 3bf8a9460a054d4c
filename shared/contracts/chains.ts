import { z } from 'zod';
import { expectedVersionField, pagedList, requiredText, updateRequestOf, versionField } from './common.js';
import { chainCodeSchema, gbt4754CodeSchema, nodeKeySchema, nodeRefSchema } from './identifiers.js';

export { chainCodeSchema, nodeKeySchema, nodeRefSchema } from './identifiers.js';

/** Where a node (环节) sits in the chain: raw materials, components/processing, finished products/services. */
export const NODE_STAGES = ['upstream', 'midstream', 'downstream'] as const;
export const nodeStageSchema = z.enum(NODE_STAGES);
export type NodeStage = z.infer<typeof nodeStageSchema>;

/** 缺链 (no local firm), 弱链 (fewer than 2 firms, or none of them 规上), ok otherwise. */
export const NODE_STATUSES = ['missing', 'weak', 'ok'] as const;
export const nodeStatusSchema = z.enum(NODE_STATUSES);
export type NodeStatus = z.infer<typeof nodeStatusSchema>;

const year = z.number().int().min(1990).max(2100);
const yearQuery = z.coerce.number().int().min(1990).max(2100);
const textList = (maxItems: number) => z.array(requiredText(200)).max(maxItems);

const gbt4754Schema = gbt4754CodeSchema;

/** One chain of a year's list. The first five fields are the stable contract other tools use. */
export const chainListItem = z.object({
  code: z.string(),
  name: z.string(),
  industryCode: z.string(),
  nodeCount: z.number().int(),
  /** Distinct firms with a membership in any node of the chain, whatever their 规上 status. */
  enterpriseCount: z.number().int(),
  /** Of those, firms in the 规上 名录 of the list's year. */
  aboveScaleCount: z.number().int(),
  industryName: z.string(),
  industryGroup: z.string(),
  validFromYear: z.number().int(),
  validToYear: z.number().int().nullable(),
  chiefTitle: z.string().nullable(),
  office: z.string().nullable(),
  sortOrder: z.number().int(),
  ...versionField,
});
export type ChainListItem = z.infer<typeof chainListItem>;

export const listChainsQuery = z.object({
  /** The year whose chain list is shown; the current year (Beijing time) when omitted. */
  year: yearQuery.optional(),
});
export type ListChainsQuery = z.infer<typeof listChainsQuery>;

export const listChainsResponse = pagedList(chainListItem).extend({ year: z.number().int() });
export type ListChainsResponse = z.infer<typeof listChainsResponse>;

export const chainTarget = z.object({
  year: z.number().int(),
  /** Annual gross output target in integer 元. */
  outputTargetYuan: z.number().int().nullable(),
  /** Growth target as a fraction: 0.1 = 10%. */
  growthTarget: z.number().nullable(),
  ...versionField,
});
export type ChainTarget = z.infer<typeof chainTarget>;

export const chainNodeFields = z.object({
  id: z.number().int(),
  key: z.string(),
  name: z.string(),
  stage: nodeStageSchema,
  gbt4754: z.array(z.string()),
  sortOrder: z.number().int(),
  ...versionField,
});
export type ChainNodeFields = z.infer<typeof chainNodeFields>;

export const chainNode = chainNodeFields.extend({
  enterpriseCount: z.number().int(),
  aboveScaleCount: z.number().int(),
  status: nodeStatusSchema,
});
export type ChainNode = z.infer<typeof chainNode>;

/** A "feeds" edge by node keys: `from` supplies `to`. */
export const chainEdge = z.object({ from: z.string(), to: z.string() });
export type ChainEdge = z.infer<typeof chainEdge>;

export const chainEnterprise = z.object({
  uscc: z.string(),
  name: z.string(),
  /** Keys of the chain's nodes the firm sits in, its primary node first. */
  nodeKeys: z.array(z.string()),
  /** True when the firm's primary membership is in this chain. */
  primary: z.boolean(),
  isChainMaster: z.boolean(),
  /** In the 规上 名录 of the detail's year. */
  aboveScale: z.boolean(),
  regionCode: z.string(),
  parkShortName: z.string().nullable(),
});
export type ChainEnterprise = z.infer<typeof chainEnterprise>;

export const chainDetailQuery = z.object({
  /** The year whose 规上 名录 decides node status; the current year when omitted. */
  year: yearQuery.optional(),
});

export const chainDetail = chainListItem.extend({
  year: z.number().int(),
  supportingDepartments: z.array(z.string()),
  hostPlaces: z.array(z.string()),
  chainMasters: z.array(z.string()),
  targets: z.array(chainTarget),
  nodes: z.array(chainNode),
  edges: z.array(chainEdge),
  /** The chain's firms the caller may see (its data scope); the counts above cover all firms. */
  enterprises: z.array(chainEnterprise),
  /** Whether the caller may edit the chain, its targets, nodes and edges. */
  canEdit: z.boolean(),
  /** Whether the caller may create and delete chains and change the city list's fields. */
  canAdminister: z.boolean(),
});
export type ChainDetail = z.infer<typeof chainDetail>;

export const chainCodeParams = z.object({ code: chainCodeSchema });

/** The fields of a chain an editor sets (the code only when creating it): the form's, and what the audit log keeps. */
export const CHAIN_FIELDS = [
  'code',
  'name',
  'industryCode',
  'validFromYear',
  'validToYear',
  'chiefTitle',
  'office',
  'supportingDepartments',
  'hostPlaces',
  'chainMasters',
  'sortOrder',
] as const;

const chainFields = z.object({
  name: requiredText(100),
  industryCode: requiredText(16),
  validFromYear: year,
  validToYear: year.nullable(),
  chiefTitle: requiredText(100).nullable(),
  office: requiredText(100).nullable(),
  supportingDepartments: textList(50),
  hostPlaces: textList(50),
  chainMasters: textList(50),
  sortOrder: z.number().int().min(0).max(10_000),
});

/** A new chain: only its code, name, industry and first year are required. */
export const createChainRequest = chainFields.extend({
  validToYear: chainFields.shape.validToYear.default(null),
  chiefTitle: chainFields.shape.chiefTitle.default(null),
  office: chainFields.shape.office.default(null),
  supportingDepartments: chainFields.shape.supportingDepartments.default([]),
  hostPlaces: chainFields.shape.hostPlaces.default([]),
  chainMasters: chainFields.shape.chainMasters.default([]),
  sortOrder: chainFields.shape.sortOrder.default(0),
  code: chainCodeSchema,
});
export type CreateChainRequest = z.infer<typeof createChainRequest>;

/** Fields only the administrator may change: they define the city's chain list. */
export const CHAIN_ADMIN_FIELDS = ['name', 'industryCode', 'validFromYear', 'validToYear', 'sortOrder'] as const;

export const updateChainRequest = updateRequestOf(chainFields);
export type UpdateChainRequest = z.infer<typeof updateChainRequest>;

/** The schemas of a chain's writes (`recordRoutes` of server/lib/routes.ts). */
export const chainRecord = { params: chainCodeParams, create: createChainRequest, update: updateChainRequest, response: chainDetail };

export const targetParams = chainCodeParams.extend({ year: yearQuery });

export const putTargetRequest = z
  .object({
    outputTargetYuan: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
    growthTarget: z.number().min(-1).max(10).nullable(),
    /** The version of the stored target the form loaded; omit when setting a year without a target. */
    ...expectedVersionField,
  })
  .refine((body) => body.outputTargetYuan !== null || body.growthTarget !== null, 'an output or a growth target');
export type PutTargetRequest = z.infer<typeof putTargetRequest>;

export const nodeParams = chainCodeParams.extend({ key: nodeKeySchema });

export const createNodeRequest = z.object({
  key: nodeKeySchema,
  name: requiredText(100),
  stage: nodeStageSchema,
  gbt4754: z.array(gbt4754Schema).max(20).default([]),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type CreateNodeRequest = z.infer<typeof createNodeRequest>;

/** The key never changes: import files and memberships name nodes by it. */
export const updateNodeRequest = updateRequestOf(
  z.object({
    name: requiredText(100),
    stage: nodeStageSchema,
    gbt4754: z.array(gbt4754Schema).max(20),
    sortOrder: z.number().int().min(0).max(10_000),
  }),
);
export type UpdateNodeRequest = z.infer<typeof updateNodeRequest>;

export const addEdgeRequest = z.object({ from: nodeRefSchema, to: nodeRefSchema });
export type AddEdgeRequest = z.infer<typeof addEdgeRequest>;

export const edgeParams = chainCodeParams.extend({ from: nodeKeySchema, to: nodeKeySchema });
