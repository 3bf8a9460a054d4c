import type { FormInstance } from 'antd';
import { ApiError } from './api-client';

/** The code the server answers a stale `version` with (HTTP 409): someone saved the record since it was opened. */
export const VERSION_CONFLICT = 'version_conflict';

/** The message of a failed request: the server's own (already in the user's language) or the error's text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** True when the server refused the caller (HTTP 403): a page shows one clear message, no retry and no empty list. */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

/** True when the server refused a save because the record changed since the form opened it. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === VERSION_CONFLICT;
}

type Detail = { path: string };

function isDetailList(value: unknown): value is Detail[] {
  return Array.isArray(value) && value.every((d) => typeof d === 'object' && d !== null && 'path' in d && typeof d.path === 'string');
}

/**
 * Marks the form fields the server named in a validation error (`details[].path` = `body.<field>`)
 * with the server's message, which is already in the user's language. `aliases` maps a body field to
 * the form field that edits it (the park's `areaHectares` is typed as `areaKm2`). Returns the fields marked.
 */
export function markServerErrors(
  form: Pick<FormInstance, 'setFields'>,
  error: unknown,
  fields: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string[] {
  if (!(error instanceof ApiError) || !isDetailList(error.details)) return [];
  const named = new Set(error.details.map((d) => d.path.split('.')[1] ?? ''));
  const marked = fields.filter((field) => named.has(field));
  form.setFields(marked.map((name) => ({ name: aliases[name] ?? name, errors: [error.message] })));
  return marked;
}

/** Whatever shows a transient error message (antd's `message.error` from `App.useApp()`). */
export type ErrorNotifier = (text: string) => void;

let notifier: ErrorNotifier | null = null;

/** Registers (or with null removes) where {@link handleError} shows its message; the app shell sets antd's. */
export function setErrorNotifier(next: ErrorNotifier | null): void {
  notifier = next;
}

/**
 * The one web error handler, registered as the default `onError` of every mutation: it shows the
 * server's message (in the user's language). A 401 has already ended the session in the API client,
 * which sends the user to the login page; the message says why.
 */
export function handleError(error: unknown): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  notifier?.(errorText(error));
}

/**
 * `meta` a mutation sets when its screen shows the error itself (the login form, an import's result
 * panel): the default handler then stays quiet instead of showing it twice.
 */
export const INLINE_ERROR_META = { inlineError: true } as const;

/**
 * `meta` of a mutation that saves a form dialog ({@link FormModal} in web/components): the dialog shows a
 * version conflict itself, with its 刷新 button, so the default handler leaves that one error to it and
 * shows every other error as usual. Without it the conflict would be shown twice (a toast and the dialog).
 */
export const FORM_DIALOG_META = { conflictInDialog: true } as const;

/**
 * The QueryClient's default mutation `onError`: {@link handleError}, unless the mutation shows its errors
 * inline ({@link INLINE_ERROR_META}) or saves a form dialog that shows this version conflict itself
 * ({@link FORM_DIALOG_META}).
 */
export function onMutationError(error: unknown, _variables: unknown, _result: unknown, context: { meta?: Record<string, unknown> }): void {
  if (context.meta?.inlineError === true) return;
  if (context.meta?.conflictInDialog === true && isVersionConflict(error)) return;
  handleError(error);
}
