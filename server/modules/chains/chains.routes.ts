import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addEdgeRequest,
  chainCodeParams,
  chainDetail,
  chainDetailQuery,
  chainEdge,
  chainNodeFields,
  chainTarget,
  createChainRequest,
  createNodeRequest,
  edgeParams,
  listChainsQuery,
  listChainsResponse,
  nodeParams,
  putTargetRequest,
  targetParams,
  updateChainRequest,
  updateNodeRequest,
} from '../../../shared/contracts/chains.js';
import { deleteVersionQuery } from '../../../shared/contracts/common.js';
import type { Database } from '../../db/client.js';
import { routesOf } from '../../lib/routes.js';
import { addEdge, createNode, deleteNode, removeEdge, updateNode } from './chain-nodes.service.js';
import { createChain, deleteChain, deleteChainTarget, getChain, listChains, setChainTarget, updateChain } from './chains.service.js';

/** Chain edits: the admin, or 链长/链办 (the service checks that the chain is theirs). */
const editors = ['admin', 'chain_chief', 'chain_office'] as const;
const admin = ['admin'] as const;

export function chainsRoutes({ db }: Database): FastifyPluginAsyncZod {
  return async (app) => {
    const routes = routesOf(app, { tags: ['chains'] });
    routes.get('/', { policy: 'session', query: listChainsQuery, response: listChainsResponse }, ({ actor, query }) =>
      listChains(db, actor, query),
    );
    routes.post('/', { policy: admin, body: createChainRequest, response: chainDetail, status: 201 }, ({ actor, body }) =>
      createChain(db, actor, body),
    );
    routes.get(
      '/:code',
      { policy: 'session', params: chainCodeParams, query: chainDetailQuery, response: chainDetail },
      ({ actor, params, query }) => getChain(db, actor, params.code, query),
    );
    routes.patch(
      '/:code',
      { policy: editors, params: chainCodeParams, body: updateChainRequest, response: chainDetail },
      ({ actor, params, body }) => updateChain(db, actor, params.code, body),
    );
    routes.remove('/:code', { policy: admin, params: chainCodeParams, query: deleteVersionQuery }, ({ actor, params, query }) =>
      deleteChain(db, actor, params.code, query.version),
    );
    routes.put(
      '/:code/targets/:year',
      { policy: editors, params: targetParams, body: putTargetRequest, response: chainTarget },
      ({ actor, params, body }) => setChainTarget(db, actor, params.code, params.year, body),
    );
    routes.remove(
      '/:code/targets/:year',
      { policy: editors, params: targetParams, query: deleteVersionQuery },
      ({ actor, params, query }) => deleteChainTarget(db, actor, params.code, params.year, query.version),
    );
    routes.post(
      '/:code/nodes',
      { policy: editors, params: chainCodeParams, body: createNodeRequest, response: chainNodeFields, status: 201 },
      ({ actor, params, body }) => createNode(db, actor, params.code, body),
    );
    routes.patch(
      '/:code/nodes/:key',
      { policy: editors, params: nodeParams, body: updateNodeRequest, response: chainNodeFields },
      ({ actor, params, body }) => updateNode(db, actor, params.code, params.key, body),
    );
    routes.remove('/:code/nodes/:key', { policy: editors, params: nodeParams, query: deleteVersionQuery }, ({ actor, params, query }) =>
      deleteNode(db, actor, params.code, params.key, query.version),
    );
    routes.post(
      '/:code/edges',
      { policy: editors, params: chainCodeParams, body: addEdgeRequest, response: chainEdge, status: 201 },
      ({ actor, params, body }) => addEdge(db, actor, params.code, body),
    );
    routes.remove('/:code/edges/:from/:to', { policy: editors, params: edgeParams }, ({ actor, params }) =>
      removeEdge(db, actor, params.code, params.from, params.to),
    );
  };
}
