import { ERROR_STATUS, type ErrorCode } from '../../shared/errors.js';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { translate, type Locale, type MessageKey } from '../../shared/i18n/index.js';

/**
 * The one error type services throw. `message` is optional: without it the error handler uses the
 * code's message in the caller's language. `messageKey`/`params` let a service give a specific,
 * translatable message.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly messageKey?: MessageKey;
  readonly params?: Record<string, string | number>;

  constructor(
    code: ErrorCode,
    options: { message?: string; messageKey?: MessageKey; params?: Record<string, string | number>; details?: unknown } = {},
  ) {
    super(options.message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.messageKey = options.messageKey;
    this.params = options.params;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The user-facing message in the given language. */
  localized(locale: Locale): string {
    if (this.messageKey) return translate(locale, this.messageKey, this.params);
    if (this.message !== this.code) return this.message;
    return translate(locale, `error.${this.code}`);
  }
}

type PgError = { code?: string; constraint?: string };

/**
 * Postgres constraint names mapped to the error a user should see (by name, never by message text),
 * with a message saying what to do where there is one (else the code's own message). Services check
 * the master data's constraints first with a more specific message; the database is the guarantee
 * when two edits race.
 */
const CONSTRAINT_ERRORS: Record<string, { code: ErrorCode; messageKey?: MessageKey }> = {
  users_username_key: { code: 'conflict' },
  monthly_figure_revisions_uscc_fkey: { code: 'conflict' },
  monthly_figure_marks_uscc_fkey: { code: 'conflict' },
  monthly_figures_uscc_fkey: { code: 'conflict' },
  enterprises_pkey: { code: 'conflict' },
  enterprises_region_code_fkey: { code: 'validation_failed' },
  enterprises_park_id_fkey: { code: 'validation_failed' },
  enterprise_memberships_node_id_fkey: { code: 'validation_failed' },
  enterprise_memberships_one_primary_key: { code: 'validation_failed' },
  chains_pkey: { code: 'conflict', messageKey: 'db.chainDuplicate' },
  chains_name_key: { code: 'conflict', messageKey: 'db.chainDuplicate' },
  chains_industry_code_fkey: { code: 'validation_failed', messageKey: 'db.chainUnknownIndustry' },
  chain_nodes_chain_key_key: { code: 'conflict', messageKey: 'db.chainNodeDuplicate' },
  // The composite (chain_code, node id) foreign keys keep both ends of an edge inside one chain.
  chain_node_edges_from_fkey: { code: 'validation_failed', messageKey: 'db.chainEdgeOtherChain' },
  chain_node_edges_to_fkey: { code: 'validation_failed', messageKey: 'db.chainEdgeOtherChain' },
  chain_node_edges_pkey: { code: 'conflict', messageKey: 'db.chainEdgeDuplicate' },
  chain_node_edges_not_self_check: { code: 'validation_failed', messageKey: 'db.chainEdgeSelf' },
  regions_pkey: { code: 'conflict', messageKey: 'db.regionDuplicate' },
  regions_name_key: { code: 'conflict', messageKey: 'db.regionDuplicate' },
  regions_short_name_key: { code: 'conflict', messageKey: 'db.regionDuplicate' },
  parks_name_key: { code: 'conflict', messageKey: 'db.parkDuplicate' },
  parks_short_name_key: { code: 'conflict', messageKey: 'db.parkDuplicate' },
  supervision_tasks_chain_code_fkey: { code: 'conflict', messageKey: 'db.chainHasTasks' },
  agenda_items_open_group_key: { code: 'conflict', messageKey: 'agenda.error.alreadyOnAgenda' },
  project_signing_events_unique: { code: 'conflict', messageKey: 'projects.error.eventTwice' },
};

/** Turns a database constraint violation into an AppError; returns null for anything else. */
export function fromDatabaseError(err: unknown): AppError | null {
  if (typeof err !== 'object' || err === null) return null;
  // Drizzle wraps the driver's error (DrizzleQueryError) and keeps the original in `cause`.
  const cause: unknown = 'cause' in err ? err.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause) return fromDatabaseError(cause);
  const pgErr: PgError = err;
  const constraint = pgErr.constraint;
  const known = constraint ? CONSTRAINT_ERRORS[constraint] : undefined;
  if (known) return new AppError(known.code, { messageKey: known.messageKey, details: { constraint } });
  if (pgErr.code === '23505') return new AppError('conflict', { details: { constraint } });
  if (pgErr.code === '23503' || pgErr.code === '23514') return new AppError('validation_failed', { details: { constraint } });
  // A NUL byte (or another character PostgreSQL text cannot hold) in a value: the input's fault.
  if (pgErr.code === '22021' || pgErr.code === '22P05') return new AppError('validation_failed', { messageKey: 'error.nulByte' });
  return null;
}

function fieldOf(error: unknown, key: 'code' | 'statusCode' | 'message'): unknown {
  return typeof error === 'object' && error !== null && key in error ? Reflect.get(error, key) : undefined;
}

/**
 * Any error thrown while answering, as the AppError the user sees: AppErrors as they are, Fastify's
 * own refusals (schema validation, body too large, wrong media type, rate limit, parser errors) and
 * database constraint violations mapped; anything else is `internal_error` with `unexpected` set,
 * for the caller to log. The error handler and the NDJSON import stream both answer through this.
 */
export function toAppError(error: unknown, options: { bodyLimitBytes?: number } = {}): { error: AppError; unexpected: boolean } {
  if (error instanceof AppError) return { error, unexpected: false };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
      message: v.message,
    }));
    return { error: new AppError('validation_failed', { details }), unexpected: false };
  }
  const fastifyCode = fieldOf(error, 'code');
  const code = typeof fastifyCode === 'string' ? fastifyCode : undefined;
  const statusCode = fieldOf(error, 'statusCode');
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || statusCode === 413) {
    const details = options.bodyLimitBytes === undefined ? undefined : { limitBytes: options.bodyLimitBytes };
    return { error: new AppError('payload_too_large', { details }), unexpected: false };
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || statusCode === 415)
    return { error: new AppError('unsupported_media_type'), unexpected: false };
  if (statusCode === 429) return { error: new AppError('rate_limited'), unexpected: false };
  if (code?.startsWith('FST_ERR_CTP') || code === 'FST_ERR_VALIDATION' || statusCode === 400) {
    return { error: new AppError('validation_failed', { details: { reason: fieldOf(error, 'message') } }), unexpected: false };
  }
  const mapped = fromDatabaseError(error);
  if (mapped) return { error: mapped, unexpected: false };
  return { error: new AppError('internal_error'), unexpected: true };
}

/** The record a lookup found, or 404 `not_found` with the record's own message (`<domain>.error.notFound`). */
export function foundOr404<T>(row: T | null | undefined, messageKey: MessageKey, params?: Record<string, string | number>): T {
  if (row === undefined || row === null) throw new AppError('not_found', { messageKey, params });
  return row;
}

/** Refuses to remove a record while `count` others still refer to it: 409 `conflict` naming the count. */
export function refuseWhileReferenced(count: number, messageKey: MessageKey): void {
  if (count > 0) throw new AppError('conflict', { messageKey, params: { count } });
}

/**
 * 400 `validation_failed` for one body field: the message (`messageKey` with `params`) says what is
 * wrong, and the details name the field (`path`, e.g. `body.dueDate`) with `message` when given.
 */
export function invalidField(path: string, messageKey: MessageKey, params?: Record<string, string | number>, message?: string): AppError {
  return new AppError('validation_failed', { messageKey, params, details: [message === undefined ? { path } : { path, message }] });
}
