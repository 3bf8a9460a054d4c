// Requests refused before any route runs, each answered in the one error format
// `{ error: { code, message, details } }`: URLs Fastify's router cannot read (400) or whose path
// parameter is too long (414), requests the Node HTTP parser rejects (400, 431 for oversized
// headers), NUL bytes anywhere in the URL (400: PostgreSQL text cannot hold them), and
// state-changing API requests sent from another origin (403, in addition to the CSRF token).
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_LOCALE } from '../../shared/i18n/index.js';
import { AppError } from './errors.js';
import { errorBody, sendError } from './http.js';

/** Fastify's `frameworkErrors`: a URL the router cannot decode, or a path parameter over the router's length limit. */
export function onFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const path = request.raw.url?.split('?')[0]?.slice(0, 200) ?? '';
  const appError =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('uri_too_long', { details: { path } })
      : new AppError('validation_failed', { messageKey: 'error.badUrl', details: { path } });
  void sendError(request, reply, appError);
}

/**
 * Fastify's `clientErrorHandler`: the Node HTTP parser refused the request before it became one
 * (a request line or headers over the 16 KiB limit, malformed HTTP). No locale is known yet, so the
 * message is in the default language; the connection is closed afterwards.
 */
export function onClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const error = tooLarge ? new AppError('headers_too_large') : new AppError('validation_failed', { messageKey: 'error.badUrl' });
  const body = JSON.stringify(errorBody(error, DEFAULT_LOCALE));
  const statusText = tooLarge ? 'Request Header Fields Too Large' : 'Bad Request';
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${error.status} ${statusText}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  } else socket.destroy(err);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin (scheme://host[:port]) of a URL, or null when it is not one. */
function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * Whether `origin` (an Origin header, or a Referer's origin) is this server. With PUBLIC_ORIGIN set
 * (comma-separated when the site has several addresses) it must be one of them exactly, scheme
 * included. Without it, its host[:port] must equal the Host header: behind a reverse proxy that
 * keeps Host (the usual `proxy_set_header Host $host`), this holds even when the proxy speaks http
 * to the server and https to the browser; a proxy that rewrites Host needs PUBLIC_ORIGIN.
 */
export function isOwnOrigin(origin: string, publicOrigins: readonly string[], hostHeader: string | undefined): boolean {
  if (publicOrigins.length > 0) return publicOrigins.includes(origin);
  if (!hostHeader) return false;
  try {
    return new URL(origin).host === new URL(`http://${hostHeader}`).host;
  } catch {
    return false;
  }
}

/** Registers the NUL-byte and Origin/Referer checks; they run before the session and policy hook. */
export function registerRequestGuards(app: FastifyInstance, publicOrigin: string | undefined): void {
  const publicOrigins = (publicOrigin ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => originOf(o) ?? o);

  app.addHook('onRequest', async (request) => {
    const rawUrl = request.raw.url ?? '';
    if (rawUrl.includes('\u0000') || rawUrl.toLowerCase().includes('%00'))
      throw new AppError('validation_failed', { messageKey: 'error.nulByte' });
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    // A browser sends Origin on every cross-origin write (and same-origin POST/PUT/PATCH/DELETE);
    // some privacy settings send only a Referer. Tools (curl, the CLI, tests) send neither and are
    // held by the session cookie and CSRF token alone.
    const originHeader = request.headers.origin;
    const refererHeader = request.headers.referer;
    const claimed =
      typeof originHeader === 'string' ? originHeader : typeof refererHeader === 'string' ? (originOf(refererHeader) ?? 'null') : null;
    if (claimed === null) return;
    if (!isOwnOrigin(claimed, publicOrigins, request.headers.host)) {
      throw new AppError('forbidden', {
        messageKey: 'error.originMismatch',
        params: { origin: claimed.slice(0, 100) },
        details: { origin: claimed.slice(0, 100) },
      });
    }
  });
}
