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
import { deleteVersionQuery, errorResponse, okResponse } from '../../../shared/contracts/common.js';
import type { Database } from '../../db/client.js';
import { actorOf } from '../../lib/http.js';
import { addEdge, createNode, deleteNode, removeEdge, updateNode } from './chain-nodes.service.js';
import { createChain, deleteChain, deleteChainTarget, getChain, listChains, setChainTarget, updateChain } from './chains.service.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['chains'];
/** Chain edits: the admin, or 链长/链办 (the service checks that the chain is theirs). */
const editors = ['admin', 'chain_chief', 'chain_office'] as const;
const ok = { ok: true as const };

export function chainsRoutes(database: Database): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/',
      { config: { policy: 'session' }, schema: { tags, querystring: listChainsQuery, response: { 200: listChainsResponse, ...errors } } },
      async (request) => listChains(db, actorOf(request), request.query),
    );
    app.post(
      '/',
      { config: { policy: ['admin'] }, schema: { tags, body: createChainRequest, response: { 201: chainDetail, ...errors } } },
      async (request, reply) => reply.status(201).send(await createChain(db, actorOf(request), request.body)),
    );
    app.get(
      '/:code',
      {
        config: { policy: 'session' },
        schema: { tags, params: chainCodeParams, querystring: chainDetailQuery, response: { 200: chainDetail, ...errors } },
      },
      async (request) => getChain(db, actorOf(request), request.params.code, request.query),
    );
    app.patch(
      '/:code',
      {
        config: { policy: editors },
        schema: { tags, params: chainCodeParams, body: updateChainRequest, response: { 200: chainDetail, ...errors } },
      },
      async (request) => updateChain(db, actorOf(request), request.params.code, request.body),
    );
    app.delete(
      '/:code',
      {
        config: { policy: ['admin'] },
        schema: { tags, params: chainCodeParams, querystring: deleteVersionQuery, response: { 200: okResponse, ...errors } },
      },
      async (request) => {
        await deleteChain(db, actorOf(request), request.params.code, request.query.version);
        return ok;
      },
    );
    app.put(
      '/:code/targets/:year',
      {
        config: { policy: editors },
        schema: { tags, params: targetParams, body: putTargetRequest, response: { 200: chainTarget, ...errors } },
      },
      async (request) => setChainTarget(db, actorOf(request), request.params.code, request.params.year, request.body),
    );
    app.delete(
      '/:code/targets/:year',
      {
        config: { policy: editors },
        schema: { tags, params: targetParams, querystring: deleteVersionQuery, response: { 200: okResponse, ...errors } },
      },
      async (request) => {
        await deleteChainTarget(db, actorOf(request), request.params.code, request.params.year, request.query.version);
        return ok;
      },
    );
    app.post(
      '/:code/nodes',
      {
        config: { policy: editors },
        schema: { tags, params: chainCodeParams, body: createNodeRequest, response: { 201: chainNodeFields, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await createNode(db, actorOf(request), request.params.code, request.body)),
    );
    app.patch(
      '/:code/nodes/:key',
      {
        config: { policy: editors },
        schema: { tags, params: nodeParams, body: updateNodeRequest, response: { 200: chainNodeFields, ...errors } },
      },
      async (request) => updateNode(db, actorOf(request), request.params.code, request.params.key, request.body),
    );
    app.delete(
      '/:code/nodes/:key',
      {
        config: { policy: editors },
        schema: { tags, params: nodeParams, querystring: deleteVersionQuery, response: { 200: okResponse, ...errors } },
      },
      async (request) => {
        await deleteNode(db, actorOf(request), request.params.code, request.params.key, request.query.version);
        return ok;
      },
    );
    app.post(
      '/:code/edges',
      {
        config: { policy: editors },
        schema: { tags, params: chainCodeParams, body: addEdgeRequest, response: { 201: chainEdge, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await addEdge(db, actorOf(request), request.params.code, request.body)),
    );
    app.delete(
      '/:code/edges/:from/:to',
      { config: { policy: editors }, schema: { tags, params: edgeParams, response: { 200: okResponse, ...errors } } },
      async (request) => {
        await removeEdge(db, actorOf(request), request.params.code, request.params.from, request.params.to);
        return ok;
      },
    );
  };
}
