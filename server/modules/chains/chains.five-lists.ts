// 五单 of a chain read together (the chain page's tabs and the 五单一图谱 workbook): 发展目标清单 (the
// chain's yearly targets, and the tracking of the chosen published month as the map gives it),
// 在建重大项目清单 (the month's year's major-project list, projects at 开工), 重点招商项目清单 (projects
// at 线索, 在谈 or 签约) and 重点问题清单 (open tickets of the chain's firms). Projects and tickets come
// from their modules' services with the caller's own scope: a 链长 sees the chain's, the leader all.
// Who may read: whoever reads the chain's lists (chains.policy.ts canReadChainLists).
import { INVESTMENT_LIST_STAGES, UNDER_CONSTRUCTION_STAGE, type FiveListsResponse } from '../../../shared/contracts/chain-five-lists.js';
import type { Locale } from '../../../shared/i18n/index.js';
import { parsePeriod } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import { todayInShanghai } from '../../lib/calendar.js';
import type { Actor } from '../access/actor.js';
import { listMajorProjects } from '../projects/projects.major.js';
import { listProjects } from '../projects/projects.service.js';
import { listTickets } from '../tickets/tickets.service.js';
import { requireListAccess } from './chains.lists.js';
import { getChainMap } from './chains.map.js';
import { selectChainTargets } from './chains.queries.js';
import { presentTarget } from './chains.service.js';

/** Every row of a paged list, a page of 500 at a time. */
async function allPages<T>(read: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; ; page += 1) {
    const { items, total } = await read(page);
    for (const item of items) rows.push(item);
    if (items.length === 0 || rows.length >= total) return rows;
  }
}

/** The four lists of the chain (with the map the workbook draws), for `period` (default: the latest published month). */
export async function getChainFiveLists(
  db: Db,
  actor: Actor,
  locale: Locale,
  code: string,
  query: { period?: string },
): Promise<FiveListsResponse & { map: Awaited<ReturnType<typeof getChainMap>> }> {
  await requireListAccess(db, actor, code, false);
  const map = await getChainMap(db, actor, locale, code, query);
  const year = parsePeriod(map.period).year;
  const pageSize = 500;
  const major = await allPages((page) => listMajorProjects(db, actor, { year, chain: code, page, pageSize }));
  const investment = [];
  for (const stage of INVESTMENT_LIST_STAGES) {
    for (const item of await allPages((page) => listProjects(db, actor, { stage, chain: code, page, pageSize }))) investment.push(item);
  }
  const problems = await allPages((page) => listTickets(db, actor, { chain: code, open: 'true', page, pageSize }));
  return {
    code,
    name: map.name,
    period: map.period,
    asOf: todayInShanghai(),
    figures: map.figures,
    targets: (await selectChainTargets(db, code)).map(presentTarget),
    tracking: map.tracking,
    majorProjects: major.filter((p) => p.stage === UNDER_CONSTRUCTION_STAGE),
    investmentProjects: investment,
    problems,
    map,
  };
}
