// Editing a chain's map (产业链图谱): nodes (环节) and "feeds" edges. The map is a directed acyclic
// graph from upstream to downstream inside one chain: an edge never points into another chain
// (cross-chain supply is a firm being a member of both chains), never to its own node, and never
// closes a cycle.
import type { AddEdgeRequest, ChainEdge, ChainNodeFields, CreateNodeRequest, UpdateNodeRequest } from '../../../shared/contracts/chains.js';
import { checkChainEdge } from '../../../shared/chain-graph.js';
import type { Db } from '../../db/client.js';
import { AppError, foundOr404, refuseWhileReferenced } from '../../lib/errors.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import type { Actor } from '../access/actor.js';
import { auditedWrites, recordAudit } from '../audit/audit.service.js';
import {
  countNodeMembers,
  deleteEdgeRow,
  deleteNodeRow,
  edgeExists,
  insertEdge,
  insertNode,
  isReachable,
  selectEdgesOfNode,
  selectNextNodeSortOrder,
  selectNode,
  updateNodeRow,
  type ChainNodeRow,
} from './chain-nodes.queries.js';
import { requireEditableChain } from './chains.service.js';

function presentNode(row: ChainNodeRow): ChainNodeFields {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    stage: row.stage,
    gbt4754: row.gbt4754,
    sortOrder: row.sortOrder,
    version: row.version,
  };
}

const audited = auditedWrites('chain_node', (row: ChainNodeRow) => `${row.chainCode}:${row.key}`, presentNode);

async function requireNode(db: Db, code: string, key: string): Promise<ChainNodeRow> {
  return foundOr404(await selectNode(db, code, key), 'chains.error.nodeNotFound', { code, key });
}

/** Adds a node to the chain; it goes after the chain's last node unless a position is given. */
export async function createNode(db: Db, actor: Actor, code: string, input: CreateNodeRequest): Promise<ChainNodeFields> {
  await requireEditableChain(db, actor, code);
  if (await selectNode(db, code, input.key))
    throw new AppError('conflict', { messageKey: 'chains.error.duplicateNode', params: { code, key: input.key } });
  const sortOrder = input.sortOrder ?? (await selectNextNodeSortOrder(db, code));
  const { key, name, stage, gbt4754 } = input;
  return presentNode(await audited.create(db, actor, (tx) => insertNode(tx, { chainCode: code, key, name, stage, gbt4754, sortOrder })));
}

/** Changes a node's name, stage, GB/T 4754 codes or position; its key stays (files and memberships name it). */
export async function updateNode(db: Db, actor: Actor, code: string, key: string, patch: UpdateNodeRequest): Promise<ChainNodeFields> {
  await requireEditableChain(db, actor, code);
  const before = await requireNode(db, code, key);
  const { version, ...fields } = patch;
  requireVersion(before.version, version);
  return presentNode(await audited.update(db, actor, before, (tx) => updateNodeRow(tx, before.id, fields, version)));
}

/** Removes a node and its edges; refused, with the count, while firms are attached to it. */
export async function deleteNode(db: Db, actor: Actor, code: string, key: string, expectedVersion?: number): Promise<void> {
  await requireEditableChain(db, actor, code);
  const node = await requireNode(db, code, key);
  requireVersion(node.version, expectedVersion);
  refuseWhileReferenced(await countNodeMembers(db, node.id), 'chains.error.nodeHasEnterprises');
  const edges = await selectEdgesOfNode(db, code, key);
  await db.transaction(async (tx) => {
    await deleteNodeRow(tx, node.id, expectedVersion);
    await recordAudit(tx, actor, {
      action: 'delete',
      entity: 'chain_node',
      entityId: `${code}:${key}`,
      before: { ...presentNode(node), edges },
    });
  });
}

/** `xfmr` names a node of the chain in the address; `CH04:cuproc` a node of any chain. */
function parseNodeRef(code: string, ref: string): { chainCode: string; key: string } {
  const [first, second] = ref.split(':');
  return second === undefined ? { chainCode: code, key: first ?? ref } : { chainCode: first ?? code, key: second };
}

async function resolveEdgeEnd(db: Db, code: string, ref: string, field: 'from' | 'to'): Promise<ChainNodeRow> {
  const { chainCode, key } = parseNodeRef(code, ref);
  const node = await selectNode(db, chainCode, key);
  if (node) return node;
  throw new AppError('validation_failed', {
    messageKey: 'chains.error.nodeNotFound',
    params: { code: chainCode, key },
    details: [{ path: `body.${field}`, message: `no node ${chainCode}:${key}` }],
  });
}

/** Adds a "feeds" edge: `from` supplies `to`. */
export async function addEdge(db: Db, actor: Actor, code: string, input: AddEdgeRequest): Promise<ChainEdge> {
  await requireEditableChain(db, actor, code);
  const from = await resolveEdgeEnd(db, code, input.from, 'from');
  const to = await resolveEdgeEnd(db, code, input.to, 'to');
  // A node of another chain is refused here with its name; the composite foreign keys refuse it too.
  const outside = from.chainCode !== code ? 'from' : to.chainCode !== code ? 'to' : null;
  if (outside) {
    throw new AppError('validation_failed', {
      messageKey: 'chains.error.edgeOtherChain',
      params: { from: `${from.chainCode}:${from.key}`, to: `${to.chainCode}:${to.key}` },
      details: [{ path: `body.${outside}`, message: 'node of another chain' }],
    });
  }
  if (!checkChainEdge(from, to).ok) {
    throw new AppError('validation_failed', {
      messageKey: 'chains.error.edgeSelf',
      params: { key: from.key },
      details: [{ path: 'body.to', message: 'same node as from' }],
    });
  }
  if (await edgeExists(db, from.id, to.id))
    throw new AppError('conflict', { messageKey: 'chains.error.edgeDuplicate', params: { from: from.key, to: to.key } });
  // from → to closes a cycle when `from` is already downstream of `to`.
  if (await isReachable(db, to.id, from.id))
    throw new AppError('conflict', { messageKey: 'chains.error.edgeCycle', params: { from: from.key, to: to.key } });
  const edge = { from: from.key, to: to.key };
  await db.transaction(async (tx) => {
    await insertEdge(tx, { chainCode: code, fromNodeId: from.id, toNodeId: to.id });
    await recordAudit(tx, actor, { action: 'create', entity: 'chain_edge', entityId: `${code}:${from.key}->${to.key}`, after: edge });
  });
  return edge;
}

export async function removeEdge(db: Db, actor: Actor, code: string, fromKey: string, toKey: string): Promise<void> {
  await requireEditableChain(db, actor, code);
  const from = await requireNode(db, code, fromKey);
  const to = await requireNode(db, code, toKey);
  if (!(await edgeExists(db, from.id, to.id)))
    throw new AppError('not_found', { messageKey: 'chains.error.edgeNotFound', params: { from: fromKey, to: toKey } });
  await db.transaction(async (tx) => {
    await deleteEdgeRow(tx, from.id, to.id);
    await recordAudit(tx, actor, {
      action: 'delete',
      entity: 'chain_edge',
      entityId: `${code}:${fromKey}->${toKey}`,
      before: { from: fromKey, to: toKey },
    });
  });
}
