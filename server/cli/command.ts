import { loadConfig, type AppConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { describeDatabase, withDatabase } from './database.js';
import { UsageError } from './errors.js';
import { parseCommandArgs, requirePositionals, requireValue, type CliIo, type Command, type OptionsConfig } from './io.js';

/** What a command's body gets: its checked arguments and the way to its database. */
export type CommandContext<T extends OptionsConfig> = {
  values: ReturnType<typeof parseCommandArgs<T>>['values'];
  positionals: string[];
  io: CliIo;
  usage: string;
  /** The configuration from the environment, read once, when first asked for. */
  config: () => AppConfig;
  /** The value of a string option the command cannot do without, or a usage error naming it. */
  required: (option: string) => string;
  /** A usage error (exit code 2) ending with the command's usage line. */
  usageError: (reason: string) => UsageError;
  /**
   * Runs `work` on the configured database (migrated first unless `migrate: false`), always closing it;
   * with `announce`, first prints which database that is.
   */
  database: <R>(work: (database: Database) => Promise<R>, options?: { migrate?: boolean; announce?: boolean }) => Promise<R>;
};

/**
 * An operator command: the arguments are parsed strictly and the positionals counted before `run`
 * starts, so each command's body holds only what it does.
 */
export function defineCommand<const T extends OptionsConfig>(spec: {
  name: string;
  usage: string;
  summary: string;
  options?: T;
  /** The names of the positional arguments, all required (none when absent). */
  positionals?: string[];
  run: (context: CommandContext<T>) => Promise<void>;
}): Command {
  const { name, usage, summary } = spec;
  return {
    name,
    usage,
    summary,
    run: async (args, io) => {
      // A command without options gets the empty set, so that every option given to it is refused.
      const options = spec.options ?? ({} as T);
      const { values, positionals } = parseCommandArgs(args, options, usage);
      requirePositionals(positionals, spec.positionals ?? [], usage);
      let config: AppConfig | undefined;
      const getConfig = () => (config ??= loadConfig(io.env));
      await spec.run({
        values,
        positionals,
        io,
        usage,
        config: getConfig,
        required: (option) => {
          const value: unknown = Reflect.get(values, option);
          return requireValue(typeof value === 'string' ? value : undefined, `--${option}`, usage);
        },
        usageError: (reason) => new UsageError(`${reason} — 用法 (usage): ${usage}`),
        database: (work, { migrate = true, announce = false } = {}) => {
          const current = getConfig();
          if (announce) io.out(`数据库 (database): ${describeDatabase(current)}`);
          return withDatabase(current, { migrate }, work);
        },
      });
    },
  };
}
