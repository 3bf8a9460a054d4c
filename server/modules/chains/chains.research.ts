// 可转化科技成果清单: research results (title, holder, field, maturity, contact, transfer status) a node
// of the chain could take up; the list shape is chains.lists.ts's.
import type { CreateResearchRequest, ResearchItem, UpdateResearchRequest } from '../../../shared/contracts/chain-prospects.js';
import { chainResearch } from '../../db/schema.js';
import { chainList, presentListRow } from './chains.lists.js';

export const research = chainList<typeof chainResearch, ResearchItem, CreateResearchRequest, UpdateResearchRequest>({
  table: chainResearch,
  entity: 'chain_research',
  notFound: 'chains.error.researchNotFound',
  present: presentListRow,
});
