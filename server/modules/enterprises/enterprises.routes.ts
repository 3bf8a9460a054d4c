import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deleteVersionQuery, errorResponse, okResponse } from '../../../shared/contracts/common.js';
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
} from '../../../shared/contracts/enterprises.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { actorOf, localeOf } from '../../lib/http.js';
import { contentDisposition, readUploadedFile, registerMultipart, registerRawUpload, uploadTooLarge } from '../../lib/uploads.js';
import {
  createEnterprise,
  deleteEnterprise,
  getEnterprise,
  getEnterpriseOptions,
  listEnterprises,
  updateEnterprise,
} from './enterprises.service.js';
import { IMPORT_MAX_BYTES, importEnterprises, localizeReport } from './import/import.service.js';
import { buildImportTemplate } from './import/import.template.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const EDITORS = ['admin', 'chain_chief', 'chain_office', 'park', 'county'] as const;

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

    app.get(
      '/',
      {
        config: { policy: 'session' },
        schema: { tags: ['enterprises'], querystring: listEnterprisesQuery, response: { 200: listEnterprisesResponse, ...errors } },
      },
      async (request) => listEnterprises(database.db, actorOf(request), request.query),
    );
    app.get(
      '/options',
      { config: { policy: 'session' }, schema: { tags: ['enterprises'], response: { 200: enterpriseOptionsResponse, ...errors } } },
      async () => getEnterpriseOptions(database.db),
    );
    app.get('/import/template', { config: { policy: ['admin'] }, schema: { tags: ['enterprises'] } }, async (request, reply) => {
      const file = await buildImportTemplate(database.db, actorOf(request));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('企业导入模板.xlsx', 'enterprise-import-template.xlsx'))
        .send(file);
    });
    app.post(
      '/import',
      {
        config: { policy: ['admin'] },
        schema: {
          tags: ['enterprises'],
          querystring: importQuery,
          response: { 200: importReport, 413: errorResponse, 429: errorResponse, ...errors },
        },
      },
      async (request) => {
        const upload = await readUploadedFile(request, UPLOAD);
        const dryRun = request.query.dryRun === 'true';
        const { mode, effectiveFromYear } = request.query;
        const acceptWarnings = request.query.acceptWarnings === 'true';
        const outcome = await importEnterprises(database.db, actorOf(request), {
          ...upload,
          dryRun,
          mode,
          effectiveFromYear,
          acceptWarnings,
        });
        const report = localizeReport(outcome, localeOf(request));
        // A real import with errors wrote nothing: that is a failed request, with every error in details.
        if (!dryRun && report.errors.length > 0) {
          throw new AppError('validation_failed', {
            messageKey: 'enterprises.import.hasErrors',
            params: { count: report.errors.length },
            details: report,
          });
        }
        return report;
      },
    );
    app.get(
      '/:uscc',
      {
        config: { policy: 'session' },
        schema: {
          tags: ['enterprises'],
          params: usccParams,
          querystring: enterpriseDetailQuery,
          response: { 200: enterpriseDetailResponse, ...errors },
        },
      },
      async (request) => getEnterprise(database.db, actorOf(request), request.params.uscc, request.query.year),
    );
    app.post(
      '/',
      {
        config: { policy: ['admin'] },
        schema: { tags: ['enterprises'], body: createEnterpriseRequest, response: { 201: enterpriseProfile, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await createEnterprise(database.db, actorOf(request), request.body)),
    );
    app.put(
      '/:uscc',
      {
        config: { policy: EDITORS },
        schema: {
          tags: ['enterprises'],
          params: usccParams,
          body: updateEnterpriseRequest,
          response: { 200: enterpriseProfile, ...errors },
        },
      },
      async (request) => updateEnterprise(database.db, actorOf(request), request.params.uscc, request.body),
    );
    app.delete(
      '/:uscc',
      {
        config: { policy: ['admin'] },
        schema: { tags: ['enterprises'], params: usccParams, querystring: deleteVersionQuery, response: { 200: okResponse, ...errors } },
      },
      async (request) => {
        await deleteEnterprise(database.db, actorOf(request), request.params.uscc, request.query.version);
        return { ok: true as const };
      },
    );
  };
}
