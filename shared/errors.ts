/** Stable error codes of the API, each with its HTTP status. Messages live in the i18n dictionaries (`error.<code>`). */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  session_expired: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** An update named the version it was read at, and the record has changed since (optimistic locking). */
  version_conflict: 409,
  /** A date outside the years the working-day calendar (chinese-days) holds: its holidays are not known, so no deadline is guessed. */
  calendar_year_not_covered: 422,
  /** A brief's sentence template names a placeholder it does not offer, or its braces do not pair. */
  template_invalid: 422,
  payload_too_large: 413,
  /** An uploaded table went over a limit of server/lib/spreadsheet/limits.ts (a zip bomb, a million columns…). */
  spreadsheet_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  /** The one-at-a-time import queue is full, or the wait in it ran out. */
  import_busy: 429,
  headers_too_large: 431,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
