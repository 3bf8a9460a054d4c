import type { z } from 'zod';
import { errorResponse } from '../../shared/contracts/common';
import { translate, type MessageKey } from '../../shared/i18n/index';
import { getLocale } from './i18n';

/** A failed API call: the server's stable `code`, its message (already in the user's language) and details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** A value of a query parameter; null, undefined and '' are left out of the address. */
export type QueryValue = string | number | boolean | null | undefined;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type RequestOptions<S extends z.ZodType> = {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** The shared contract of the answer: the response is checked against it, so drift shows at once. */
  schema: S;
  signal?: AbortSignal;
};

// The CSRF token of the current session; the server requires it on every state-changing request.
let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers (or forgets, with null) the CSRF token that login and `/api/auth/me` hand out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what the app does when the session is gone (it sends the user to the login page). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

function buildUrl(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The message the user sees for an answer that does not carry one of ours (a proxy page, a gateway's 413,
 * a rate limiter's 429), by HTTP status: each common refusal says in the user's language what happened.
 */
const STATUS_MESSAGES: Readonly<Record<number, MessageKey>> = {
  401: 'error.session_expired',
  403: 'error.forbidden',
  404: 'error.not_found',
  409: 'error.conflict',
  413: 'error.payload_too_large',
  429: 'error.rate_limited',
};

/** The i18n key for a failed answer without our error body, by its HTTP status. */
export function statusMessageKey(status: number): MessageKey {
  return STATUS_MESSAGES[status] ?? (status >= 500 ? 'error.service_unavailable' : 'error.internal_error');
}

async function readError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = errorResponse.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details);
  }
  // Not our format (a proxy page, a gateway's 413, a crash): say what the status means in the user's language.
  const key = statusMessageKey(response.status);
  return new ApiError(response.status, key.slice('error.'.length), translate(getLocale(), key));
}

/**
 * The one way the web app talks to the server: JSON in and out, the session cookie, the CSRF token
 * on non-GET requests, the user's language in `X-Locale` (so error messages come back in it).
 * Throws {@link ApiError}; a 401 other than a wrong password also ends the session in the app.
 */
export async function apiRequest<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<z.infer<S>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Locale': getLocale() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', translate(getLocale(), 'error.network'));
  }

  if (!response.ok) {
    const error = await readError(response);
    if (error.status === 401 && error.code !== 'invalid_credentials') {
      csrfToken = null;
      onUnauthorized?.();
    }
    throw error;
  }

  const body: unknown = await response.json().catch(() => null);
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(response.status, 'invalid_response', translate(getLocale(), 'error.invalid_response'), parsed.error.issues);
  }
  return parsed.data;
}

/**
 * The parameters a hook takes for a shared contract's query schema: its input type (`z.input`), except
 * that a coerced field (input `unknown`, like `page`) takes what it is coerced to. The contract stays the
 * one description of a query; the web never retypes it.
 */
export type QueryParamsOf<S extends z.ZodType> = {
  [K in keyof z.input<S>]: unknown extends z.input<S>[K]
    ? (K extends keyof z.output<S> ? z.output<S>[K] : never) | undefined
    : z.input<S>[K];
};

/** The file name a `Content-Disposition` header gives (its UTF-8 `filename*` first), or `fallback`. */
export function dispositionFileName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed encoding: fall through to the plain name.
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/**
 * A file the server makes (an export) fetched like every other request (session, `X-Locale`), so a
 * refusal arrives as an {@link ApiError} with the server's message instead of a page of JSON.
 */
export async function apiDownload(path: string, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { 'X-Locale': getLocale() }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', translate(getLocale(), 'error.network'));
  }
  if (!response.ok) throw await readError(response);
  return { blob: await response.blob(), fileName: dispositionFileName(response.headers.get('Content-Disposition'), fallbackName) };
}
