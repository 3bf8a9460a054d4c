import type { z } from 'zod';
import { errorResponse } from '../../shared/contracts/common';
import { translate } from '../../shared/i18n/index';
import { ApiError } from './api-client';
import { getLocale } from './i18n';

export type UploadFileInput<T> = {
  /** The endpoint with its query string. */
  url: string;
  file: File;
  csrfToken: string | null;
  /** Upload progress, 0–100; at 100 the server may still be working. */
  onProgress?: (percent: number) => void;
  /**
   * For an endpoint that answers NDJSON (progress lines, then one result line with `status` and
   * `body`): called with each progress line as it arrives; the result line is then the answer.
   */
  onServerProgress?: (line: Record<string, unknown>) => void;
  /**
   * The answer the caller takes (a report, also one sent with an error status), or undefined to
   * treat the answer as a failure: then it rejects with the server's error, as the fetch wrapper does.
   */
  accept: (status: number, body: unknown) => T | undefined;
};

/** The `accept` of most uploads: a 2xx answer that is a `schema` (the import's report, the stored file); anything else fails. */
export function acceptSuccess<S extends z.ZodType>(schema: S): (status: number, body: unknown) => z.output<S> | undefined {
  return (status, body) => {
    if (status < 200 || status >= 300) return undefined;
    const answer = schema.safeParse(body);
    return answer.success ? answer.data : undefined;
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

type StreamedLine = { type?: unknown; status?: unknown; body?: unknown };

/** The complete lines of an NDJSON text from `from` on, and where the next line starts. */
function completeLines(text: string, from: number): { lines: StreamedLine[]; next: number } {
  const lines: StreamedLine[] = [];
  let start = from;
  for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
    const line = parseJson(text.slice(start, end));
    // Assertion: every field of StreamedLine is `unknown` and optional, so any object is one.
    if (line && typeof line === 'object') lines.push(line as StreamedLine);
    start = end + 1;
  }
  return { lines, next: start };
}

/**
 * Uploads one file as multipart form data (field `file`) with the session's CSRF token and the
 * user's language. XMLHttpRequest rather than the fetch wrapper, because only it reports upload
 * progress. Rejects with an ApiError like every other request.
 */
export function uploadFile<T>(input: UploadFileInput<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', input.url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Locale', getLocale());
    if (input.csrfToken) xhr.setRequestHeader('X-CSRF-Token', input.csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) input.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    // NDJSON: progress lines are handed on as they arrive; the result line is the answer.
    let read = 0;
    let result: { status: number; body: unknown } | null = null;
    const takeLines = () => {
      const { lines, next } = completeLines(xhr.responseText, read);
      read = next;
      for (const line of lines) {
        if (line.type === 'result' && typeof line.status === 'number') result = { status: line.status, body: line.body };
        else if (line.type === 'progress') input.onServerProgress?.(line);
      }
    };
    if (input.onServerProgress) xhr.onprogress = takeLines;
    xhr.onerror = () => reject(new ApiError(0, 'network', translate(getLocale(), 'error.network')));
    xhr.onload = () => {
      let status = xhr.status;
      let body = parseJson(xhr.responseText);
      if (input.onServerProgress && xhr.status === 200) {
        takeLines();
        const last: { status: number; body: unknown } | null = result;
        if (last) ({ status, body } = last);
      }
      const accepted = input.accept(status, body);
      if (accepted !== undefined) {
        resolve(accepted);
        return;
      }
      const error = errorResponse.safeParse(body);
      if (error.success) reject(new ApiError(status, error.data.error.code, error.data.error.message, error.data.error.details));
      else {
        const code = status >= 500 ? 'internal_error' : 'invalid_response';
        reject(new ApiError(status, code, translate(getLocale(), `error.${code}`)));
      }
    };
    const form = new FormData();
    form.append('file', input.file, input.file.name);
    xhr.send(form);
  });
}
