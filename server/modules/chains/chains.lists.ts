// The shape both lists of the chain workspace share (目标企业 and 科技成果): rows on a node of the chain,
// read by the admin, the leader and the chain's 链长/链办, written by the admin and the chain's 链办,
// every write audited in its transaction. chains.prospects.ts and chains.research.ts say what differs.
import type { PgInsertValue, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { MessageKey } from '../../../shared/i18n/index.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import { requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { selectNode } from './chain-nodes.queries.js';
import { deleteListRow, insertListRow, selectListRows, updateListRow, type Listed, type ListTable } from './chains.lists.queries.js';
import { canReadChainLists, canWriteChainLists } from './chains.policy.js';
import { mayView, requireChain } from './chains.service.js';

/**
 * The chain if the actor may read (or write) its lists. A chain outside a chain user's scope answers
 * like an unknown one (404); roles that see the chain but not its lists get 403.
 */
export async function requireListAccess(db: Db, actor: Actor, code: string, write: boolean): Promise<void> {
  if (!(await mayView(db, actor, code))) throw new AppError('not_found', { messageKey: 'chains.error.notFound', params: { code } });
  requireAccess(write ? canWriteChainLists(actor, code) : canReadChainLists(actor, code));
  await requireChain(db, code);
}

/** A stored row as the contract shows it: without the node's id (its key and name stand for it) and the timestamps. */
export function presentListRow<R extends { nodeId: number; createdAt: Date; updatedAt: Date }>(
  row: R,
): Omit<R, 'nodeId' | 'createdAt' | 'updatedAt'> {
  const { nodeId: _nodeId, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = row;
  return rest;
}

/** What one list says about itself. */
export type ListSpec<T extends ListTable, Item> = {
  table: T;
  /** The audit log's entity name. */
  entity: string;
  notFound: MessageKey;
  present: (row: Listed<T>) => Item;
  /** Checks a new or changed row beyond its zod contract (a USCC's check characters). */
  check?: (input: object) => void;
};

async function nodeIdOf(db: Db, code: string, key: string): Promise<number> {
  const node = await selectNode(db, code, key);
  if (!node) {
    throw new AppError('validation_failed', {
      messageKey: 'chains.error.nodeNotFound',
      params: { code, key },
      details: [{ path: 'body.nodeKey', message: 'chains.error.nodeNotFound' }],
    });
  }
  return node.id;
}

/** List, create, update and delete of one list, with access, node and version checks and the audit. */
export function chainList<
  T extends ListTable,
  Item,
  Create extends { nodeKey: string },
  Update extends { nodeKey?: string; version?: number },
>(spec: ListSpec<T, Item>) {
  const { table, entity } = spec;
  const requireRow = async (db: Db, code: string, id: number): Promise<Listed<T>> => {
    const [row] = await selectListRows(db, table, code, undefined, id);
    if (!row) throw new AppError('not_found', { messageKey: spec.notFound, params: { id } });
    return row;
  };
  const get = async (db: Db, code: string, id: number): Promise<Item> => spec.present(await requireRow(db, code, id));
  return {
    requireRow,
    get,
    list: async (db: Db, actor: Actor, code: string, nodeKey?: string): Promise<{ items: Item[] }> => {
      await requireListAccess(db, actor, code, false);
      return { items: (await selectListRows(db, table, code, nodeKey)).map(spec.present) };
    },
    create: async (db: Db, actor: Actor, code: string, input: Create, isDemo = false): Promise<Item> => {
      await requireListAccess(db, actor, code, true);
      spec.check?.(input);
      const { nodeKey, ...fields } = input;
      const nodeId = await nodeIdOf(db, code, nodeKey);
      const id = await db.transaction(async (tx) => {
        // The fields are the list's contract fields, which are its table's columns (the specs' contracts say so).
        const row = { ...fields, chainCode: code, nodeId, isDemo } as PgInsertValue<T>;
        const newId = await insertListRow(tx, table, row);
        await recordAudit(tx, actor, { action: 'create', entity, entityId: String(newId), after: { ...input, chainCode: code } });
        return newId;
      });
      return get(db, code, id);
    },
    update: async (db: Db, actor: Actor, code: string, id: number, patch: Update): Promise<Item> => {
      await requireListAccess(db, actor, code, true);
      const before = await requireRow(db, code, id);
      requireVersion(before.version, patch.version);
      spec.check?.(patch);
      const { nodeKey, version, ...fields } = patch;
      const nodeId = nodeKey === undefined ? before.nodeId : await nodeIdOf(db, code, nodeKey);
      await db.transaction(async (tx) => {
        // As in create: contract fields are table columns.
        await updateListRow(tx, table, id, { ...fields, nodeId } as PgUpdateSetSource<T>, version);
        await recordAudit(tx, actor, { action: 'update', entity, entityId: String(id), before, after: patch });
      });
      return get(db, code, id);
    },
    remove: async (db: Db, actor: Actor, code: string, id: number, version?: number): Promise<void> => {
      await requireListAccess(db, actor, code, true);
      const before = await requireRow(db, code, id);
      await db.transaction(async (tx) => {
        await deleteListRow(tx, table, id, version);
        await recordAudit(tx, actor, { action: 'delete', entity, entityId: String(id), before });
      });
    },
  };
}
