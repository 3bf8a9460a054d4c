// How an uploaded file reaches a route, in one place: one file of a multipart form (field `file`) or
// the raw request body, read with the route's own size limit (the app-wide JSON body limit is 1 MB)
// and stopped as soon as it passes it, so a client that lies about or omits Content-Length cannot
// make the server hold more than the limit. What the bytes are is checked afterwards by content
// (server/lib/spreadsheet for tables, `file-types.ts` for attachments), never by name or header.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MessageKey } from '../../shared/i18n/index.js';
import { AppError } from './errors.js';

export const MiB = 1024 * 1024;

/** A route's upload rules: the largest file, and the refusals in the caller's words. */
export type UploadRules = {
  maxBytes: number;
  /** The 413 for a file over `maxBytes` (the default names the limit in MB). */
  tooLarge?: () => AppError;
  /** The message of a request without a file. */
  noFileKey: MessageKey;
};

/** 413 naming the limit in MB, with the limit in bytes in `details`. */
export function uploadTooLarge(maxBytes: number, messageKey: MessageKey): AppError {
  return new AppError('payload_too_large', {
    messageKey,
    params: { limitMb: Math.round((maxBytes / MiB) * 10) / 10 },
    details: { limitBytes: maxBytes },
  });
}

/**
 * Registers multipart parsing inside the calling (encapsulated) plugin, unless the app has it: one
 * file a request, few fields; each route passes its own size limit when it reads the file.
 */
export async function registerMultipart(app: FastifyInstance, maxBytes: number): Promise<void> {
  if (app.hasContentTypeParser('multipart/form-data')) return;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 20 } });
}

/**
 * Accepts the given content types as a raw file body, read up to `maxBytes`: refused before reading
 * when Content-Length says more, and stopped as soon as the bytes pass it when it lied.
 */
export function registerRawUpload(app: FastifyInstance, contentTypes: readonly string[], maxBytes: number, tooLarge: () => AppError): void {
  app.addContentTypeParser([...contentTypes], (request, payload, done) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      done(tooLarge(), undefined);
      payload.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes && !failed) {
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
}

export type UploadedFile = { data: Buffer; fileName?: string };

/**
 * The uploaded file: the one file of a multipart form, or a raw body accepted by
 * {@link registerRawUpload}. Over the limit → 413; no file → 400 with the route's message.
 */
export async function readUploadedFile(request: FastifyRequest, rules: UploadRules): Promise<UploadedFile> {
  const noFile = () => new AppError('validation_failed', { messageKey: rules.noFileKey });
  if (request.isMultipart()) {
    const file = await request.file({ limits: { fileSize: rules.maxBytes, files: 1 } });
    if (!file) throw noFile();
    try {
      return { data: await file.toBuffer(), fileName: file.filename };
    } catch (err) {
      if (err instanceof request.server.multipartErrors.RequestFileTooLargeError) {
        throw rules.tooLarge ? rules.tooLarge() : new AppError('payload_too_large', { details: { limitBytes: rules.maxBytes } });
      }
      throw err;
    }
  }
  if (Buffer.isBuffer(request.body)) return { data: request.body };
  throw noFile();
}

/**
 * A Content-Disposition for a download: the name in UTF-8 (RFC 5987 `filename*`, so Chinese names
 * survive) with an ASCII fallback for old clients (RFC 6266).
 */
export function contentDisposition(name: string, fallback: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987's attr-char does not allow ' ( ) *.
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
