import { z } from 'zod';
import { pagedList, requiredText, updateRequestOf, versionField } from './common.js';
import { industryCodeSchema } from './identifiers.js';

/** One of the ten leading industries of 一核两电三色四新, with its group and how many chains it leads. */
export const industryItem = z.object({
  code: z.string(),
  /** 一核, 两电, 三色 or 四新. */
  group: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  /** Chains of the industry, whatever their years of validity. */
  chainCount: z.number().int(),
  ...versionField,
});
export type IndustryItem = z.infer<typeof industryItem>;

export const listIndustriesResponse = pagedList(industryItem);
export type ListIndustriesResponse = z.infer<typeof listIndustriesResponse>;

export const INDUSTRY_GROUPS = ['一核', '两电', '三色', '四新'] as const;
export const industryGroupSchema = z.enum(INDUSTRY_GROUPS);

export const industryParams = z.object({ code: z.string().trim().toUpperCase().min(1).max(8) });

const industryFields = z.object({
  code: industryCodeSchema,
  group: industryGroupSchema,
  name: requiredText(50),
  sortOrder: z.number().int().min(0).max(10_000),
});

/** A new industry; without a sort order it goes last. */
export const createIndustryRequest = industryFields.extend({ sortOrder: industryFields.shape.sortOrder.optional() });
export type CreateIndustryRequest = z.infer<typeof createIndustryRequest>;

/** The code is the key chains reference, so it never changes. */
export const updateIndustryRequest = updateRequestOf(industryFields.omit({ code: true }));
export type UpdateIndustryRequest = z.infer<typeof updateIndustryRequest>;

/** The schemas of an industry's writes (`recordRoutes` of server/lib/routes.ts). */
export const industryRecord = {
  params: industryParams,
  create: createIndustryRequest,
  update: updateIndustryRequest,
  response: industryItem,
};
