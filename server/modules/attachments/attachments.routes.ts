import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ATTACHMENT_MIME,
  attachmentItem,
  attachmentLimits,
  attachmentOwnerQuery,
  attachmentParams,
  attachmentSettingsResponse,
  listAttachmentsResponse,
} from '../../../shared/contracts/attachments.js';
import { errorResponse } from '../../../shared/contracts/common.js';
import type { Database } from '../../db/client.js';
import { actorOf } from '../../lib/http.js';
import { routesOf } from '../../lib/routes.js';
import { contentDisposition, MiB, readUploadedFile, registerMultipart } from '../../lib/uploads.js';
import {
  deleteAttachment,
  downloadAttachment,
  getAttachmentSettings,
  listAttachments,
  updateAttachmentSettings,
  uploadAttachment,
} from './attachments.service.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
/** An upload's refusals besides: too many files, too large, not an allowed type. */
const uploadErrors = { 409: errorResponse, 413: errorResponse, 415: errorResponse };
const tags = ['attachments'];
/** The largest file the settings may allow; the limit in force is read per upload. */
const HARD_MAX_BYTES = 20 * MiB;

/** Files attached to tickets and projects: list, upload (multipart field `file`), download, delete; the limits. */
export function attachmentsRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    await registerMultipart(app, HARD_MAX_BYTES);

    const routes = routesOf(app, { tags, errors });
    routes.get('/', { policy: 'session', query: attachmentOwnerQuery, response: listAttachmentsResponse }, ({ actor, query }) =>
      listAttachments(database.db, actor, query),
    );
    // One file, multipart field `file`; its type is checked by content.
    routesOf(app, { tags, errors: { ...errors, ...uploadErrors } }).post(
      '/',
      { policy: 'session', query: attachmentOwnerQuery, response: attachmentItem, status: 201 },
      ({ actor, query, request }) =>
        uploadAttachment(database.db, actor, query, (maxBytes, tooLarge) =>
          readUploadedFile(request, { maxBytes, tooLarge, noFileKey: 'attachments.error.noFile' }),
        ),
    );
    routes.get('/settings', { policy: 'session', response: attachmentSettingsResponse }, ({ actor }) =>
      getAttachmentSettings(database.db, actor),
    );
    routes.put('/settings', { policy: ['admin'], body: attachmentLimits, response: attachmentSettingsResponse }, ({ actor, body }) =>
      updateAttachmentSettings(database.db, actor, body),
    );
    routes.remove('/:id', { policy: 'session', params: attachmentParams }, ({ actor, params }) =>
      deleteAttachment(database.db, actor, params.id),
    );
    app.get(
      '/:id/file',
      { config: { policy: 'session' }, schema: { tags, summary: '下载附件 (download)', params: attachmentParams } },
      async (request, reply) => {
        const { row, content } = await downloadAttachment(database.db, actorOf(request), request.params.id);
        return reply
          .type(ATTACHMENT_MIME[row.type])
          .header('content-disposition', contentDisposition(row.fileName, `attachment-${row.id}.${row.fileName.split('.').pop() ?? 'bin'}`))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, no-store')
          .send(content);
      },
    );
  };
}
