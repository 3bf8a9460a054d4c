// The chain workspace's lists (issue 13): 招商目标企业清单 and 可转化科技成果清单, each row on one node
// of its chain. A node's removal takes its rows with it (they only mean something on that node).
import { sql } from 'drizzle-orm';
import { boolean, char, check, foreignKey, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import {
  HOLDER_KINDS,
  RESEARCH_MATURITIES,
  TRANSFER_STATUSES,
  type HolderKind,
  type ResearchMaturity,
  type TransferStatus,
} from '../../shared/contracts/chain-prospects.js';
import { list, pattern, USCC_PATTERN } from './schema-checks.js';
import { chainNodes, chains, createdAt, rowVersion, updatedAt } from './schema-master.js';
import { projects } from './schema-projects.js';

/** 招商目标企业: a company outside the city that could fill a node; project_id once turned into a 招商线索. */
export const chainProspects = pgTable(
  'chain_prospects',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    chainCode: text('chain_code').notNull(),
    nodeId: integer('node_id').notNull(),
    name: text('name').notNull(),
    uscc: char('uscc', { length: 18 }),
    location: text('location'),
    products: text('products'),
    source: text('source'),
    note: text('note'),
    projectId: integer('project_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ name: 'chain_prospects_chain_code_fkey', columns: [t.chainCode], foreignColumns: [chains.code] }),
    foreignKey({
      name: 'chain_prospects_node_fkey',
      columns: [t.chainCode, t.nodeId],
      foreignColumns: [chainNodes.chainCode, chainNodes.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'chain_prospects_project_id_fkey', columns: [t.projectId], foreignColumns: [projects.id] }).onDelete('set null'),
    check('chain_prospects_uscc_check', sql`${t.uscc} IS NULL OR ${t.uscc} ~ ${pattern(USCC_PATTERN)}`),
    index('chain_prospects_chain_idx').on(t.chainCode),
  ],
);

/** 可转化科技成果: a research result a university, institute or firm holds that a node could use. */
export const chainResearch = pgTable(
  'chain_research',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    chainCode: text('chain_code').notNull(),
    nodeId: integer('node_id').notNull(),
    title: text('title').notNull(),
    holder: text('holder').notNull(),
    holderKind: text('holder_kind').$type<HolderKind>().notNull(),
    field: text('field'),
    maturity: text('maturity').$type<ResearchMaturity>().notNull(),
    contact: text('contact'),
    transferStatus: text('transfer_status').$type<TransferStatus>().notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ name: 'chain_research_chain_code_fkey', columns: [t.chainCode], foreignColumns: [chains.code] }),
    foreignKey({
      name: 'chain_research_node_fkey',
      columns: [t.chainCode, t.nodeId],
      foreignColumns: [chainNodes.chainCode, chainNodes.id],
    }).onDelete('cascade'),
    check('chain_research_holder_kind_check', sql.raw(`holder_kind in (${list(HOLDER_KINDS)})`)),
    check('chain_research_maturity_check', sql.raw(`maturity in (${list(RESEARCH_MATURITIES)})`)),
    check('chain_research_transfer_status_check', sql.raw(`transfer_status in (${list(TRANSFER_STATUSES)})`)),
    index('chain_research_chain_idx').on(t.chainCode),
  ],
);
