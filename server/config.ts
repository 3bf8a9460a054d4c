import os from 'node:os';
import { z } from 'zod';

/** Environment configuration, validated once at start so a wrong setting fails fast with a readable list. */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * A streaming replica of DATABASE_URL for published statistics (docs/SCALING.md, "Several instances"): the
   * monitoring reads of users who only see published months go there; writes and data staff stay
   * on the primary.
   */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Replica lag (seconds) over which the 驾驶舱 shows 数据同步延迟. */
  REPLICA_LAG_WARN_SECONDS: z.coerce.number().nonnegative().default(5),
  /**
   * Whether this instance runs long jobs (imports, publication, briefs) from the queue. On
   * PostgreSQL an instance without workers still starts jobs; another instance runs them. On the
   * embedded database (one process) false leaves jobs queued until a start with workers.
   */
  JOB_WORKERS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Days an ended job (succeeded or failed) is kept before the workers' sweep deletes it. */
  JOB_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  /**
   * Seconds without a heartbeat (written every 15 s by the instance running a job, PostgreSQL) after
   * which a running job is failed by the sweep: its instance crashed or lost the database.
   */
  JOB_STALE_SECONDS: z.coerce.number().int().min(60).default(120),
  /**
   * Connections to PostgreSQL (DATABASE_URL) of this process; default 4 per core
   * (os.availableParallelism()). The embedded database has one connection whatever this says.
   */
  DATABASE_POOL_SIZE: z.preprocess((v) => (v === '' || v === undefined ? defaultPoolSize() : v), z.coerce.number().int().min(1).max(200)),
  ADMIN_PASSWORD: z
    .string()
    .min(10, 'must be at least 10 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DEMO_PASSWORD: z
    .string()
    .min(10, 'must be at least 10 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(120),
  /** Failed logins a minute per address and username before 429. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /** Failed logins a minute per address, whatever the username (stops spraying many usernames). */
  LOGIN_IP_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  /** Failed logins in a row that lock an account until an admin unlocks it; 0 never locks. */
  LOGIN_LOCKOUT_THRESHOLD: z.coerce.number().int().min(0).default(10),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /**
   * The address users open, e.g. https://chain.hengyang.gov.cn (comma-separated for several). Writes
   * whose Origin/Referer is not one of them are refused; empty: the Host header is the reference.
   */
  PUBLIC_ORIGIN: z
    .string()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppConfig = z.infer<typeof configSchema>;

/** 4 connections a core: enough to keep PostgreSQL's cores busy while requests wait on the network and Node. */
export function defaultPoolSize(): number {
  return os.availableParallelism() * 4;
}

/** Parses the environment; throws one Error whose message lists every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration (配置错误): ${lines.join('; ')}`);
  }
  return parsed.data;
}
