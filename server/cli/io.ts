import { parseArgs, type ParseArgsConfig } from 'node:util';
import { confirmOnTerminal, readSecretFromTerminal } from './prompt.js';
import { UsageError } from './errors.js';

/** What a command may touch of its surroundings; tests pass their own. */
export type CliIo = {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
  /** stdin is a terminal, so the command may ask questions. */
  interactive: boolean;
  confirm: (question: string) => Promise<boolean>;
  readSecret: (question: string) => Promise<string>;
};

export type Command = {
  name: string;
  usage: string;
  summary: string;
  run: (args: string[], io: CliIo) => Promise<void>;
};

export function processIo(): CliIo {
  return {
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interactive: process.stdin.isTTY === true,
    confirm: confirmOnTerminal,
    readSecret: readSecretFromTerminal,
  };
}

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs in strict mode, its complaints turned into one usage line (exit code 2). */
export function parseCommandArgs<T extends OptionsConfig>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    // Node's message goes on to explain `--` for positionals; its first sentence is the useful part.
    const reason = (err instanceof Error ? err.message : String(err)).split(/\.\s/)[0] ?? '';
    throw new UsageError(`参数错误 (invalid arguments): ${reason.replace(/\s*\n\s*/g, ' ')} — 用法 (usage): ${usage}`);
  }
}

/** The value of a required option, or a usage error naming it. */
export function requireValue(value: string | undefined, option: string, usage: string): string {
  if (value === undefined || value.trim() === '') {
    throw new UsageError(`缺少参数 ${option} (missing ${option}) — 用法 (usage): ${usage}`);
  }
  return value;
}

/** Exactly `count` positional arguments, or a usage error. */
export function requirePositionals(positionals: string[], names: string[], usage: string): string[] {
  if (positionals.length !== names.length) {
    throw new UsageError(`需要参数 ${names.join(' ')} (expected ${names.join(' ')}) — 用法 (usage): ${usage}`);
  }
  return positionals;
}
