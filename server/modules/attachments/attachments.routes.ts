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
import { errorResponse, okResponse } from '../../../shared/contracts/common.js';
import type { Database } from '../../db/client.js';
import { actorOf } from '../../lib/http.js';
import { contentDisposition, MiB, readUploadedFile, registerMultipart } from '../../lib/uploads.js';
import {
  deleteAttachment,
  downloadAttachment,
  getAttachmentSettings,
  listAttachments,
  updateAttachmentSettings,
  uploadAttachment,
} from './attachments.service.js';

const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  413: errorResponse,
  415: errorResponse,
};
const tags = ['attachments'];
/** The largest file the settings may allow; the limit in force is read per upload. */
const HARD_MAX_BYTES = 20 * MiB;

/** Files attached to tickets and projects: list, upload (multipart field `file`), download, delete; the limits. */
export function attachmentsRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    await registerMultipart(app, HARD_MAX_BYTES);

    app.get(
      '/',
      {
        config: { policy: 'session' },
        schema: { tags, querystring: attachmentOwnerQuery, response: { 200: listAttachmentsResponse, ...errors } },
      },
      async (request) => listAttachments(database.db, actorOf(request), request.query),
    );
    app.post(
      '/',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: '上传附件 (upload one file: multipart field `file`; type checked by content)',
          querystring: attachmentOwnerQuery,
          response: { 201: attachmentItem, ...errors },
        },
      },
      async (request, reply) => {
        const item = await uploadAttachment(database.db, actorOf(request), request.query, (maxBytes, tooLarge) =>
          readUploadedFile(request, { maxBytes, tooLarge, noFileKey: 'attachments.error.noFile' }),
        );
        return reply.status(201).send(item);
      },
    );
    app.get(
      '/settings',
      { config: { policy: 'session' }, schema: { tags, response: { 200: attachmentSettingsResponse, ...errors } } },
      async () => getAttachmentSettings(database.db),
    );
    app.put(
      '/settings',
      { config: { policy: ['admin'] }, schema: { tags, body: attachmentLimits, response: { 200: attachmentSettingsResponse, ...errors } } },
      async (request) => updateAttachmentSettings(database.db, actorOf(request), request.body),
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
    app.delete(
      '/:id',
      { config: { policy: 'session' }, schema: { tags, params: attachmentParams, response: { 200: okResponse, ...errors } } },
      async (request) => {
        await deleteAttachment(database.db, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
