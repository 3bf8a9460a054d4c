import type { FormInstance } from 'antd';
import { ApiError } from '../../../lib/api-client';

type Detail = { path: string };

function isDetailList(value: unknown): value is Detail[] {
  return Array.isArray(value) && value.every((d) => typeof d === 'object' && d !== null && 'path' in d && typeof d.path === 'string');
}

/**
 * Marks the form fields the server named in a validation error (`details[].path` = `body.<field>`)
 * with the server's message, which is already in the user's language. Returns the fields marked.
 */
export function markServerErrors(form: FormInstance, error: unknown, fields: readonly string[]): string[] {
  if (!(error instanceof ApiError) || !isDetailList(error.details)) return [];
  const named = new Set(error.details.map((d) => d.path.split('.')[1] ?? ''));
  const marked = fields.filter((field) => named.has(field));
  form.setFields(marked.map((name) => ({ name, errors: [error.message] })));
  return marked;
}

/** The message of a failed request, for `message.error`. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
