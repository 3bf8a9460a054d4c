import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
} from '../../../shared/contracts/enterprises.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { actorOf, localeOf } from '../../lib/http.js';
import { ADMIN, routesOf } from '../../lib/routes.js';
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

function tooLarge(): AppError {
  return new AppError('payload_too_large', {
    messageKey: 'enterprises.import.tooLarge',
    params: { limitMb: IMPORT_MAX_BYTES / 1024 / 1024 },
    details: { limitBytes: IMPORT_MAX_BYTES },
  });
}

/** The uploaded file: the one file of a multipart form, or the raw body. Over 20 MB → 413. */
async function readUpload(request: FastifyRequest): Promise<{ data: Buffer; fileName?: string }> {
  if (request.isMultipart()) {
    const file = await request.file();
    if (!file) throw new AppError('validation_failed', { messageKey: 'enterprises.import.noFile' });
    try {
      return { data: await file.toBuffer(), fileName: file.filename };
    } catch (err) {
      if (err instanceof request.server.multipartErrors.RequestFileTooLargeError) throw tooLarge();
      throw err;
    }
  }
  if (Buffer.isBuffer(request.body)) return { data: request.body };
  throw new AppError('validation_failed', { messageKey: 'enterprises.import.noFile' });
}

export function enterprisesRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, parts: 20 } });
    // A raw upload is read here with the import's own limit (the app-wide body limit is 1 MB).
    app.addContentTypeParser(RAW_FILE_TYPES, (request, payload, done) => {
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > IMPORT_MAX_BYTES) {
        done(tooLarge(), undefined);
        payload.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let failed = false;
      payload.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > IMPORT_MAX_BYTES && !failed) {
          failed = true;
          done(tooLarge(), undefined);
        }
        if (!failed) chunks.push(chunk);
      });
      payload.on('end', () => {
        if (!failed) done(null, Buffer.concat(chunks));
      });
      payload.on('error', (err) => {
        if (!failed) done(err, undefined);
      });
    });

    const routes = routesOf(app, { tags: ['enterprises'] });
    const { db } = database;
    routes.get('/', { policy: 'session', query: listEnterprisesQuery, response: listEnterprisesResponse }, ({ actor, query }) =>
      listEnterprises(db, actor, query),
    );
    routes.get('/options', { policy: 'session', response: enterpriseOptionsResponse }, () => getEnterpriseOptions(db));
    app.get('/import/template', { config: { policy: ['admin'] }, schema: { tags: ['enterprises'] } }, async (request, reply) => {
      const file = await buildImportTemplate(database.db, actorOf(request));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="enterprise-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('企业导入模板.xlsx')}`,
        )
        .send(file);
    });
    routes.post(
      '/import',
      { policy: ADMIN, query: importQuery, response: importReport, errors: { 413: errorResponse, 429: errorResponse } },
      async ({ actor, query, request }) => {
        const upload = await readUpload(request);
        const dryRun = query.dryRun === 'true';
        const { mode, effectiveFromYear } = query;
        const acceptWarnings = query.acceptWarnings === 'true';
        const outcome = await importEnterprises(db, actor, { ...upload, dryRun, mode, effectiveFromYear, acceptWarnings });
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
      { policy: EDITORS, params: usccParams, body: updateEnterpriseRequest, response: enterpriseProfile },
      ({ actor, params, body }) => updateEnterprise(db, actor, params.uscc, body),
    );
    routes.remove('/:uscc', { policy: ADMIN, params: usccParams, query: deleteVersionQuery }, ({ actor, params, query }) =>
      deleteEnterprise(db, actor, params.uscc, query.version),
    );
  };
}
