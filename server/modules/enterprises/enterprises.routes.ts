import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createAnswerCache } from '../../lib/answer-cache.js';
import { deleteVersionQuery, errorResponse } from '../../../shared/contracts/common.js';
import {
  createEnterpriseRequest,
  enterpriseDetailQuery,
  enterpriseDetailResponse,
  enterpriseOptionsResponse,
  enterpriseProfile,
  importQuery,
  importReport,
  listEnterprisesQuery,
  listEnterprisesResponse,
  updateEnterpriseRequest,
  usccParams,
  ENTERPRISE_EDITOR_ROLES,
} from '../../../shared/contracts/enterprises.js';
import type { Database } from '../../db/client.js';
import { actorOf, localeOf } from '../../lib/http.js';
import { contentDisposition, readUploadedFile, registerMultipart, registerRawUpload, uploadTooLarge } from '../../lib/uploads.js';
import { ADMIN, routesOf } from '../../lib/routes.js';
import {
  createEnterprise,
  deleteEnterprise,
  getEnterprise,
  getEnterpriseOptions,
  listEnterprises,
  updateEnterprise,
} from './enterprises.service.js';
import { answerEnterpriseImport, IMPORT_MAX_BYTES } from './import/import.service.js';
import { buildImportTemplate } from './import/import.template.js';

/** Content types of a file sent as the raw request body instead of a multipart form. */
const RAW_FILE_TYPES = [
  'application/octet-stream',
  'text/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'image/png',
  'image/jpeg',
  'application/pdf',
];

const tooLarge = () => uploadTooLarge(IMPORT_MAX_BYTES, 'enterprises.import.tooLarge');
const UPLOAD = { maxBytes: IMPORT_MAX_BYTES, tooLarge, noFileKey: 'enterprises.import.noFile' } as const;

export function enterprisesRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    await registerMultipart(app, IMPORT_MAX_BYTES);
    // A raw upload is read here with the import's own limit (the app-wide body limit is 1 MB).
    registerRawUpload(app, RAW_FILE_TYPES, IMPORT_MAX_BYTES, tooLarge);

    const routes = routesOf(app, { tags: ['enterprises'] });
    const { db } = database;
    // The list reads firms, regions, parks, memberships and 规上 years: kept until master data changes.
    const cache = createAnswerCache(db, 'master');
    routes.get('/', { policy: 'session', query: listEnterprisesQuery, response: listEnterprisesResponse, cache }, ({ actor, query }) =>
      listEnterprises(db, actor, query),
    );
    routes.get('/options', { policy: 'session', response: enterpriseOptionsResponse }, () => getEnterpriseOptions(db));
    app.get('/import/template', { config: { policy: ['admin'] }, schema: { tags: ['enterprises'] } }, async (request, reply) => {
      const file = await buildImportTemplate(database.db, actorOf(request));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('企业导入模板.xlsx', 'enterprise-import-template.xlsx'))
        .send(file);
    });
    routes.post(
      '/import',
      { policy: ADMIN, query: importQuery, response: importReport, errors: { 413: errorResponse, 429: errorResponse } },
      async ({ actor, query, request }) => {
        const upload = await readUploadedFile(request, UPLOAD);
        const dryRun = query.dryRun === 'true';
        const { mode, effectiveFromYear } = query;
        const acceptWarnings = query.acceptWarnings === 'true';
        return answerEnterpriseImport(db, actor, { ...upload, dryRun, mode, effectiveFromYear, acceptWarnings }, localeOf(request));
      },
    );
    routes.get(
      '/:uscc',
      { policy: 'session', params: usccParams, query: enterpriseDetailQuery, response: enterpriseDetailResponse },
      ({ actor, params, query }) => getEnterprise(db, actor, params.uscc, query.year),
    );
    routes.post('/', { policy: ADMIN, body: createEnterpriseRequest, response: enterpriseProfile, status: 201 }, ({ actor, body }) =>
      createEnterprise(db, actor, body),
    );
    routes.put(
      '/:uscc',
      { policy: ENTERPRISE_EDITOR_ROLES, params: usccParams, body: updateEnterpriseRequest, response: enterpriseProfile },
      ({ actor, params, body }) => updateEnterprise(db, actor, params.uscc, body),
    );
    routes.remove('/:uscc', { policy: ADMIN, params: usccParams, query: deleteVersionQuery }, ({ actor, params, query }) =>
      deleteEnterprise(db, actor, params.uscc, query.version),
    );
  };
}
