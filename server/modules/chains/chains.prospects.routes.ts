import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  chainListDeleteQuery,
  chainListImportQuery,
  chainListImportReport,
  chainListItemParams,
  chainListParams,
  chainListQuery,
  convertProspectRequest,
  convertProspectResponse,
  createProspectRequest,
  createResearchRequest,
  prospectItem,
  prospectListResponse,
  researchItem,
  researchListResponse,
  updateProspectRequest,
  updateResearchRequest,
  CHAIN_LIST_READER_ROLES,
} from '../../../shared/contracts/chain-prospects.js';
import { fiveListsParams, fiveListsQuery, fiveListsResponse } from '../../../shared/contracts/chain-five-lists.js';
import type { Database } from '../../db/client.js';
import { actorOf, localeOf } from '../../lib/http.js';
import { routesOf } from '../../lib/routes.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { contentDisposition, readUploadedFile, registerMultipart } from '../../lib/uploads.js';
import { errorResponse } from '../../../shared/contracts/common.js';
import { importChainList, buildListTemplate, IMPORT_LISTS, LIST_IMPORT_MAX_BYTES, LIST_UPLOAD } from './chains.import.js';
import { getChainFiveLists } from './chains.five-lists.js';
import { CHAIN_LIST_WRITERS } from './chains.policy.js';
import { convertProspect, prospects } from './chains.prospects.js';
import { research } from './chains.research.js';
import { buildFiveListsWorkbook } from './chains.workbook.js';

const WRITERS = CHAIN_LIST_WRITERS;

type Routes = ReturnType<typeof routesOf>;
type Contracts<C extends z.ZodType, U extends z.ZodType, I extends z.ZodType, P extends z.ZodType> = {
  create: C;
  update: U;
  item: I;
  page: P;
};

/** GET, POST, PATCH and DELETE of one list under /:code/<path>. */
function listRoutes<C extends z.ZodType, U extends z.ZodType, I extends z.ZodType, P extends z.ZodType>(
  routes: Routes,
  db: Db,
  path: string,
  list: {
    list: (db: Db, actor: Actor, code: string, node?: string) => Promise<z.input<P>>;
    create: (db: Db, actor: Actor, code: string, body: z.output<C>) => Promise<z.input<I>>;
    update: (db: Db, actor: Actor, code: string, id: number, body: z.output<U>) => Promise<z.input<I>>;
    remove: (db: Db, actor: Actor, code: string, id: number, version?: number) => Promise<void>;
  },
  contracts: Contracts<C, U, I, P>,
): void {
  routes.get(
    `/:code/${path}`,
    { policy: CHAIN_LIST_READER_ROLES, params: chainListParams, query: chainListQuery, response: contracts.page },
    ({ actor, params, query }) => list.list(db, actor, params.code, query.node),
  );
  routes.post(
    `/:code/${path}`,
    { policy: WRITERS, params: chainListParams, body: contracts.create, response: contracts.item, status: 201 },
    ({ actor, params, body }) =>
      // A body schema is given, so the validated body is its output (routesOf types it loosely over a generic schema).
      list.create(db, actor, params.code, body as z.output<C>),
  );
  routes.patch(
    `/:code/${path}/:id`,
    { policy: WRITERS, params: chainListItemParams, body: contracts.update, response: contracts.item },
    ({ actor, params, body }) =>
      // As above: the validated body is the update schema's output.
      list.update(db, actor, params.code, params.id, body as z.output<U>),
  );
  routes.remove(
    `/:code/${path}/:id`,
    { policy: WRITERS, params: chainListItemParams, query: chainListDeleteQuery },
    ({ actor, params, query }) => list.remove(db, actor, params.code, params.id, query.version),
  );
}

/** A chain's 五单: 招商目标企业清单 and 可转化科技成果清单 (read and written), the other lists, and the 五单一图谱 workbook (under /api/chains). */
export function chainsProspectsRoutes({ db }: Database): FastifyPluginAsyncZod {
  return async (app) => {
    const routes = routesOf(app, { tags: ['chains'] });
    listRoutes(routes, db, 'prospects', prospects, {
      create: createProspectRequest,
      update: updateProspectRequest,
      item: prospectItem,
      page: prospectListResponse,
    });
    listRoutes(routes, db, 'research', research, {
      create: createResearchRequest,
      update: updateResearchRequest,
      item: researchItem,
      page: researchListResponse,
    });
    await registerMultipart(app, LIST_IMPORT_MAX_BYTES);
    for (const list of IMPORT_LISTS) {
      app.get(
        `/:code/${list}/import/template`,
        { config: { policy: WRITERS }, schema: { tags: ['chains'], params: chainListParams } },
        async (request, reply) => {
          const file = await buildListTemplate(db, actorOf(request), request.params.code, list);
          const name = list === 'prospects' ? '招商目标企业导入模板.xlsx' : '可转化科技成果导入模板.xlsx';
          return reply
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header('content-disposition', contentDisposition(name, `${list}-import-template.xlsx`))
            .send(file);
        },
      );
      routes.post(
        `/:code/${list}/import`,
        {
          policy: WRITERS,
          params: chainListParams,
          query: chainListImportQuery,
          response: chainListImportReport,
          errors: { 413: errorResponse },
        },
        async ({ actor, params, query, request }) => {
          const upload = await readUploadedFile(request, LIST_UPLOAD);
          const input = { source: { data: upload.data }, dryRun: query.dryRun === 'true' };
          return importChainList(db, actor, params.code, list, input, localeOf(request));
        },
      );
    }
    routes.get(
      '/:code/five-lists',
      { policy: CHAIN_LIST_READER_ROLES, params: fiveListsParams, query: fiveListsQuery, response: fiveListsResponse },
      async ({ actor, params, query, request }) => {
        const { map: _map, ...lists } = await getChainFiveLists(db, actor, localeOf(request), params.code, query);
        return lists;
      },
    );
    app.get(
      '/:code/five-lists.xlsx',
      { config: { policy: CHAIN_LIST_READER_ROLES }, schema: { tags: ['chains'], params: fiveListsParams, querystring: fiveListsQuery } },
      async (request, reply) => {
        const { code } = request.params;
        const file = await buildFiveListsWorkbook(db, actorOf(request), code, request.query);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', contentDisposition(`五单一图谱-${code}.xlsx`, `five-lists-${code}.xlsx`))
          .send(file);
      },
    );
    routes.post(
      '/:code/prospects/:id/convert',
      { policy: WRITERS, params: chainListItemParams, body: convertProspectRequest, response: convertProspectResponse, status: 201 },
      ({ actor, params, body, request }) => convertProspect(db, actor, params.code, params.id, body, localeOf(request)),
    );
  };
}
