import {
  addEdgeRequest,
  chainCodeParams,
  chainDetail,
  chainDetailQuery,
  chainEdge,
  chainNodeFields,
  chainRecord,
  chainTarget,
  createNodeRequest,
  edgeParams,
  listChainsQuery,
  listChainsResponse,
  nodeParams,
  putTargetRequest,
  targetParams,
  updateNodeRequest,
} from '../../../shared/contracts/chains.js';
import { deleteVersionQuery } from '../../../shared/contracts/common.js';
import { createAnswerCache } from '../../lib/answer-cache.js';
import { ADMIN, keyedRoutes, recordRoutes, routePlugin } from '../../lib/routes.js';
import { addEdge, createNode, deleteNode, removeEdge, updateNode } from './chain-nodes.service.js';
import { createChain, deleteChain, deleteChainTarget, getChain, listChains, setChainTarget, updateChain } from './chains.service.js';

/** Chain edits: the admin, or 链长/链办 (the service checks that the chain is theirs). */
const editors = ['admin', 'chain_chief', 'chain_office'] as const;

export const chainsRoutes = routePlugin('chains', (routes, { db }) => {
  // The list reads chains, industries, nodes, memberships and 规上 years: kept until master data changes.
  const cache = createAnswerCache(db, 'master');
  routes.get('/', { policy: 'session', query: listChainsQuery, response: listChainsResponse, cache }, ({ actor, query }) =>
    listChains(db, actor, query),
  );
  routes.get(
    '/:code',
    { policy: 'session', params: chainCodeParams, query: chainDetailQuery, response: chainDetail },
    ({ actor, params, query }) => getChain(db, actor, params.code, query),
  );
  const chainPolicy = { create: ADMIN, update: editors, remove: ADMIN };
  recordRoutes(routes, db, chainPolicy, chainRecord, { create: createChain, update: updateChain, remove: deleteChain });
  routes.put(
    '/:code/targets/:year',
    { policy: editors, params: targetParams, body: putTargetRequest, response: chainTarget },
    ({ actor, params, body }) => setChainTarget(db, actor, params.code, params.year, body),
  );
  routes.remove('/:code/targets/:year', { policy: editors, params: targetParams, query: deleteVersionQuery }, ({ actor, params, query }) =>
    deleteChainTarget(db, actor, params.code, params.year, query.version),
  );
  const chain = keyedRoutes(routes, db, chainCodeParams);
  chain.post('/:code/nodes', { policy: editors, body: createNodeRequest, response: chainNodeFields, status: 201 }, createNode);
  routes.patch(
    '/:code/nodes/:key',
    { policy: editors, params: nodeParams, body: updateNodeRequest, response: chainNodeFields },
    ({ actor, params, body }) => updateNode(db, actor, params.code, params.key, body),
  );
  routes.remove('/:code/nodes/:key', { policy: editors, params: nodeParams, query: deleteVersionQuery }, ({ actor, params, query }) =>
    deleteNode(db, actor, params.code, params.key, query.version),
  );
  chain.post('/:code/edges', { policy: editors, body: addEdgeRequest, response: chainEdge, status: 201 }, addEdge);
  routes.remove('/:code/edges/:from/:to', { policy: editors, params: edgeParams }, ({ actor, params }) =>
    removeEdge(db, actor, params.code, params.from, params.to),
  );
});
