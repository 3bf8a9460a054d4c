// The chain workspace's lists (issue 13): 招商目标企业清单 and 可转化科技成果清单, each row on one node
// of its chain. A node's removal takes its rows with it (they only mean something on that node).
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import {
  HOLDER_KINDS,
  RESEARCH_MATURITIES,
  TRANSFER_STATUSES,
  type HolderKind,
  type ResearchMaturity,
  type TransferStatus,
} from '../../shared/contracts/chain-prospects.js';
import { USCC_PATTERN, inList, references, pattern } from './schema-checks.js';
import { chainNodes, chains } from './schema-master.js';
import { projects } from './schema-projects.js';
import { editedColumns, identityId, isDemo, usccColumn } from './schema-columns.js';

/** 招商目标企业: a company outside the city that could fill a node; project_id once turned into a 招商线索. */
export const chainProspects = pgTable(
  'chain_prospects',
  {
    id: identityId(),
    chainCode: text('chain_code').notNull(),
    nodeId: integer('node_id').notNull(),
    name: text('name').notNull(),
    uscc: usccColumn(),
    location: text('location'),
    products: text('products'),
    source: text('source'),
    note: text('note'),
    projectId: integer('project_id'),
    isDemo: isDemo(),
    ...editedColumns(),
  },
  (t) => [
    references('chain_prospects_chain_code_fkey', t.chainCode, chains.code),
    foreignKey({
      name: 'chain_prospects_node_fkey',
      columns: [t.chainCode, t.nodeId],
      foreignColumns: [chainNodes.chainCode, chainNodes.id],
    }).onDelete('cascade'),
    references('chain_prospects_project_id_fkey', t.projectId, projects.id).onDelete('set null'),
    check('chain_prospects_uscc_check', sql`${t.uscc} IS NULL OR ${t.uscc} ~ ${pattern(USCC_PATTERN)}`),
    index('chain_prospects_chain_idx').on(t.chainCode),
  ],
);

/** 可转化科技成果: a research result a university, institute or firm holds that a node could use. */
export const chainResearch = pgTable(
  'chain_research',
  {
    id: identityId(),
    chainCode: text('chain_code').notNull(),
    nodeId: integer('node_id').notNull(),
    title: text('title').notNull(),
    holder: text('holder').notNull(),
    holderKind: text('holder_kind').$type<HolderKind>().notNull(),
    field: text('field'),
    maturity: text('maturity').$type<ResearchMaturity>().notNull(),
    contact: text('contact'),
    transferStatus: text('transfer_status').$type<TransferStatus>().notNull(),
    isDemo: isDemo(),
    ...editedColumns(),
  },
  (t) => [
    references('chain_research_chain_code_fkey', t.chainCode, chains.code),
    foreignKey({
      name: 'chain_research_node_fkey',
      columns: [t.chainCode, t.nodeId],
      foreignColumns: [chainNodes.chainCode, chainNodes.id],
    }).onDelete('cascade'),
    inList('chain_research_holder_kind_check', t.holderKind, HOLDER_KINDS),
    inList('chain_research_maturity_check', t.maturity, RESEARCH_MATURITIES),
    inList('chain_research_transfer_status_check', t.transferStatus, TRANSFER_STATUSES),
    index('chain_research_chain_idx').on(t.chainCode),
  ],
);
