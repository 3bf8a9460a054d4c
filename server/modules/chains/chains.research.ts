// 可转化科技成果清单: research results (title, holder, field, maturity, contact, transfer status) a node
// of the chain could take up; the list shape is chains.lists.ts's.
import type { CreateResearchRequest, ResearchItem, UpdateResearchRequest } from '../../../shared/contracts/chain-prospects.js';
import { chainResearch } from '../../db/schema.js';
import { chainList } from './chains.lists.js';
import type { Listed } from './chains.lists.queries.js';

function present(row: Listed<typeof chainResearch>): ResearchItem {
  const { nodeId: _nodeId, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

export const research = chainList<typeof chainResearch, ResearchItem, CreateResearchRequest, UpdateResearchRequest>({
  table: chainResearch,
  entity: 'chain_research',
  notFound: 'chains.error.researchNotFound',
  present,
});
