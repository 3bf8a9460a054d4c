import { z } from 'zod';
import { pagedList, requiredText, searchText, updateRequestOf, versionField } from './common.js';
import { regionCodeSchema } from './identifiers.js';

/** 市辖区, 县, 县级市, and the statistical function zones (高新区, 综保区, 经开区). */
export const REGION_KINDS = ['district', 'county', 'city', 'zone'] as const;
export const regionKindSchema = z.enum(REGION_KINDS);
export type RegionKind = z.infer<typeof regionKindSchema>;

export { regionCodeSchema };

export const regionItem = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: regionKindSchema,
  ...versionField,
  parkCount: z.number().int(),
  /** Firms registered in the region. */
  enterpriseCount: z.number().int(),
});
export type RegionItem = z.infer<typeof regionItem>;

export const listRegionsQuery = z.object({
  /** Part of the code, name or short name. */
  q: searchText.optional(),
  kind: regionKindSchema.optional(),
});
export type ListRegionsQuery = z.infer<typeof listRegionsQuery>;

export const listRegionsResponse = pagedList(regionItem);
export type ListRegionsResponse = z.infer<typeof listRegionsResponse>;

export const regionParams = z.object({ code: regionCodeSchema });

export const createRegionRequest = z.object({
  code: regionCodeSchema,
  name: requiredText(64),
  shortName: requiredText(32),
  kind: regionKindSchema,
});
export type CreateRegionRequest = z.infer<typeof createRegionRequest>;

/** The code never changes: parks, firms and user scopes refer to it. */
export const updateRegionRequest = updateRequestOf(createRegionRequest.omit({ code: true }));
export type UpdateRegionRequest = z.infer<typeof updateRegionRequest>;

/** The schemas of a region's writes (`recordRoutes` of server/lib/routes.ts). */
export const regionRecord = { params: regionParams, create: createRegionRequest, update: updateRegionRequest, response: regionItem };
