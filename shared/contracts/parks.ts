import { z } from 'zod';
import { idParams, pagedList, requiredText, searchPageQuery, updateRequestOf, versionField } from './common.js';
import { calendarDateSchema } from './calendar.js';
import { regionCodeSchema } from './identifiers.js';

export const PARK_LEVELS = ['national', 'provincial'] as const;
export const parkLevelSchema = z.enum(PARK_LEVELS);
export type ParkLevel = z.infer<typeof parkLevelSchema>;

export const parkListItem = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string(),
  level: parkLevelSchema,
  regionCode: z.string(),
  regionName: z.string(),
  /** Planned area in hectares (1 km² = 100 ha). */
  areaHectares: z.number().int().nullable(),
  /** Date of approval, YYYY-MM-DD. */
  establishedOn: z.string().nullable(),
  /** The park's focus industries as the city words them. */
  focus: z.array(z.string()),
  focusChainCodes: z.array(z.string()),
  /** Firms located in the park. */
  enterpriseCount: z.number().int(),
  ...versionField,
});
export type ParkListItem = z.infer<typeof parkListItem>;

/** `q`: part of the name or short name. */
export const listParksQuery = searchPageQuery.extend({
  level: parkLevelSchema.optional(),
  region: regionCodeSchema.optional(),
});
export type ListParksQuery = z.infer<typeof listParksQuery>;

export const listParksResponse = pagedList(parkListItem);
export type ListParksResponse = z.infer<typeof listParksResponse>;

export const parkDetail = parkListItem.extend({
  focusChains: z.array(z.object({ code: z.string(), name: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ParkDetail = z.infer<typeof parkDetail>;

export const parkParams = idParams;

const parkFields = z.object({
  name: requiredText(100),
  shortName: requiredText(32),
  level: parkLevelSchema,
  regionCode: regionCodeSchema,
  areaHectares: z.number().int().positive().max(10_000_000).nullable(),
  establishedOn: calendarDateSchema.nullable(),
  focus: z.array(requiredText(50)).max(30),
  focusChainCodes: z.array(z.string().trim().toUpperCase().min(1).max(16)).max(30),
});

export const createParkRequest = parkFields.extend({
  areaHectares: parkFields.shape.areaHectares.default(null),
  establishedOn: parkFields.shape.establishedOn.default(null),
  focus: parkFields.shape.focus.default([]),
  focusChainCodes: parkFields.shape.focusChainCodes.default([]),
});
export type CreateParkRequest = z.infer<typeof createParkRequest>;

export const updateParkRequest = updateRequestOf(parkFields);
export type UpdateParkRequest = z.infer<typeof updateParkRequest>;

/** The schemas of a park's writes (`recordRoutes` of server/lib/routes.ts). */
export const parkRecord = { params: parkParams, create: createParkRequest, update: updateParkRequest, response: parkDetail };
