// The product's own copy of the reference master data (regions, parks, industries, chains with
// their node maps), validated on load. Edited copies in the database are the source of truth once
// seeded; these files only seed an empty database.
import { z } from 'zod';
import { nodeStageSchema } from '../../../shared/contracts/chains.js';
import { parkLevelSchema } from '../../../shared/contracts/parks.js';
import chainsJson from './chains.json' with { type: 'json' };
import parksJson from './parks.json' with { type: 'json' };
import regionsJson from './regions.json' with { type: 'json' };

const regionsSchema = z.object({
  city: z.object({ code: z.string(), name: z.string() }),
  divisions: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(['district', 'county', 'county-level city']) })),
  functionZones: z.array(z.object({ code: z.string(), name: z.string() })),
});

const parksSchema = z.object({
  parks: z.array(
    z.object({
      name: z.string(),
      short: z.string(),
      level: parkLevelSchema,
      since: z.string().optional(),
      region: z.string(),
      areaKm2: z.number().optional(),
      focus: z.array(z.string()),
    }),
  ),
});

const nodeSchema = z.object({
  key: z.string(),
  name: z.string(),
  stage: nodeStageSchema,
  gbt4754: z.array(z.string()),
  feeds: z.array(z.string()),
});

const chainsSchema = z.object({
  industries: z.array(z.object({ code: z.string(), group: z.string(), name: z.string() })),
  chains: z.array(
    z.object({
      code: z.string(),
      industry: z.string(),
      name: z.string(),
      chainMasters: z.array(z.string()),
      demoH1_2024: z.object({ outputYi: z.number(), yoy: z.number() }),
      nodes: z.array(nodeSchema),
    }),
  ),
});

export type ReferenceRegions = z.infer<typeof regionsSchema>;
export type ReferencePark = z.infer<typeof parksSchema>['parks'][number];
export type ReferenceChain = z.infer<typeof chainsSchema>['chains'][number];
export type ReferenceNode = z.infer<typeof nodeSchema>;
export type ReferenceIndustry = z.infer<typeof chainsSchema>['industries'][number];

export const REFERENCE_REGIONS: ReferenceRegions = regionsSchema.parse(regionsJson);
export const REFERENCE_PARKS: ReferencePark[] = parksSchema.parse(parksJson).parks;
const chainsFile = chainsSchema.parse(chainsJson);
export const REFERENCE_INDUSTRIES: ReferenceIndustry[] = chainsFile.industries;
export const REFERENCE_CHAINS: ReferenceChain[] = chainsFile.chains;

/** Looks up a reference chain by code; throws for an unknown code (a programming error in the generator). */
export function referenceChain(code: string): ReferenceChain {
  const chain = REFERENCE_CHAINS.find((c) => c.code === code);
  if (!chain) throw new Error(`unknown reference chain ${code}`);
  return chain;
}
