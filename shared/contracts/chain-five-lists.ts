// 五单 of a chain beside its two own lists (chain-prospects.ts): 发展目标清单 (yearly targets with the
// tracking of the chosen published month), 在建重大项目清单, 重点招商项目清单 and 重点问题清单, each
// read through its owner's service in the caller's scope; and the 五单一图谱 workbook.
import { z } from 'zod';
import { chainMapQuery, mapFigures, targetTracking } from './chain-map.js';
import { chainCodeParams, chainTarget } from './chains.js';
import { majorProjectItem, projectListItem, type ProjectStage } from './projects.js';
import { ticketItem } from './tickets.js';

/** Stages of a 重点招商项目: 线索, 在谈, 签约. */
export const INVESTMENT_LIST_STAGES = ['lead', 'negotiating', 'signed'] as const satisfies readonly ProjectStage[];
/** The stage of a major project 在建: 开工 and not yet 竣工. */
export const UNDER_CONSTRUCTION_STAGE = 'started' as const satisfies ProjectStage;

export const fiveListsParams = chainCodeParams;
export const fiveListsQuery = chainMapQuery;

export const fiveListsResponse = z
  .object({
    code: z.string(),
    name: z.string(),
    /** The published month of the tracking (the map's), its year that of the major list. */
    period: z.string(),
    /** The day the lists were read (Asia/Shanghai, YYYY-MM-DD): projects and problems are as of it. */
    asOf: z.string(),
    figures: mapFigures,
    targets: z.array(chainTarget),
    tracking: targetTracking,
    majorProjects: z.array(majorProjectItem),
    investmentProjects: z.array(projectListItem),
    problems: z.array(ticketItem),
  })
  .meta({ id: 'ChainFiveLists' });
export type FiveListsResponse = z.infer<typeof fiveListsResponse>;
