import { ERROR_STATUS, type ErrorCode } from '../../shared/errors.js';
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

/** Postgres constraint names mapped to the error a user should see (mapped by name, never by message text). */
const CONSTRAINT_ERRORS: Record<string, ErrorCode> = {
  users_username_key: 'conflict',
  monthly_figure_revisions_uscc_fkey: 'conflict',
  monthly_figure_marks_uscc_fkey: 'conflict',
  enterprises_pkey: 'conflict',
  enterprises_region_code_fkey: 'validation_failed',
  enterprises_park_id_fkey: 'validation_failed',
  enterprise_memberships_node_id_fkey: 'validation_failed',
  enterprise_memberships_one_primary_key: 'validation_failed',
  monthly_figures_uscc_fkey: 'conflict',
};

type PgError = { code?: string; constraint?: string };

/**
 * Constraints of the master data whose violation gets a message saying what to do. Services check
 * these first with a more specific message; the database is the guarantee when two edits race.
 */
const CONSTRAINT_MESSAGES: Record<string, { code: ErrorCode; messageKey: MessageKey }> = {
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
};

/** Turns a database constraint violation into an AppError; returns null for anything else. */
export function fromDatabaseError(err: unknown): AppError | null {
  if (typeof err !== 'object' || err === null) return null;
  // Drizzle wraps the driver's error (DrizzleQueryError) and keeps the original in `cause`.
  const cause: unknown = 'cause' in err ? err.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause) return fromDatabaseError(cause);
  const pgErr: PgError = err;
  const constraint = pgErr.constraint;
  const specific = constraint ? CONSTRAINT_MESSAGES[constraint] : undefined;
  if (constraint && specific) return new AppError(specific.code, { messageKey: specific.messageKey, details: { constraint } });
  if (constraint && constraint in CONSTRAINT_ERRORS) {
    return new AppError(CONSTRAINT_ERRORS[constraint] ?? 'conflict', { details: { constraint } });
  }
  if (pgErr.code === '23505') return new AppError('conflict', { details: { constraint } });
  if (pgErr.code === '23503' || pgErr.code === '23514') return new AppError('validation_failed', { details: { constraint } });
  // A NUL byte (or another character PostgreSQL text cannot hold) in a value: the input's fault.
  if (pgErr.code === '22021' || pgErr.code === '22P05') return new AppError('validation_failed', { messageKey: 'error.nulByte' });
  return null;
}
