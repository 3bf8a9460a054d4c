// The chain workspace's lists (issue 13): 招商目标企业清单 and 可转化科技成果清单, each row on one node
// of its chain. A node's removal takes its rows with it (they only mean something on that node).
import { foreignKey, index, integer, pgTable, text, type AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  HOLDER_KINDS,
  RESEARCH_MATURITIES,
  TRANSFER_STATUSES,
  type HolderKind,
  type ResearchMaturity,
  type TransferStatus,
} from '../../shared/contracts/chain-prospects.js';
import { inList, nullOrMatches, references } from './schema-checks.js';
import { USCC_PATTERN } from '../../shared/contracts/identifiers.js';
import { chainNodes, chains } from './schema-master.js';
import { projects } from './schema-projects.js';
import { editedColumns, identityId, isDemo, usccColumn } from './schema-columns.js';

/** The first columns of a list's row: its id and the node of a chain it stands on. */
const nodeRowColumns = () => ({
  id: identityId(),
  chainCode: text('chain_code').notNull(),
  nodeId: integer('node_id').notNull(),
});

/** A list row's chain, its node on that chain (whose removal takes the row with it), and the index by chain. */
const onChainNode = (table: string, t: { chainCode: AnyPgColumn; nodeId: AnyPgColumn }) => [
  references(`${table}_chain_code_fkey`, t.chainCode, chains.code),
  foreignKey({
    name: `${table}_node_fkey`,
    columns: [t.chainCode, t.nodeId],
    foreignColumns: [chainNodes.chainCode, chainNodes.id],
  }).onDelete('cascade'),
  index(`${table}_chain_idx`).on(t.chainCode),
];

/** 招商目标企业: a company outside the city that could fill a node; project_id once turned into a 招商线索. */
export const chainProspects = pgTable(
  'chain_prospects',
  {
    ...nodeRowColumns(),
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
    ...onChainNode('chain_prospects', t),
    references('chain_prospects_project_id_fkey', t.projectId, projects.id).onDelete('set null'),
    nullOrMatches('chain_prospects_uscc_check', t.uscc, USCC_PATTERN),
  ],
);

/** 可转化科技成果: a research result a university, institute or firm holds that a node could use. */
export const chainResearch = pgTable(
  'chain_research',
  {
    ...nodeRowColumns(),
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
    ...onChainNode('chain_research', t),
    inList('chain_research_holder_kind_check', t.holderKind, HOLDER_KINDS),
    inList('chain_research_maturity_check', t.maturity, RESEARCH_MATURITIES),
    inList('chain_research_transfer_status_check', t.transferStatus, TRANSFER_STATUSES),
  ],
);
