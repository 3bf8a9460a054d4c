import { backupCommand } from './commands/backup.js';
import { createUserCommand } from './commands/create-user.js';
import { ImportStoppedError, importMonthlyCommand } from './commands/import-monthly.js';
import { importEnterprisesCommand } from './commands/import-enterprises.js';
import { importInvestmentCommand, importProjectsCommand } from './commands/import-projects.js';
import { migrateCommand } from './commands/migrate.js';
import { grantReviewerCommand, periodsCommand, publishCommand, reopenCommand, reviewCommand } from './commands/periods.js';
import { resetPasswordCommand } from './commands/reset-password.js';
import { unlockUserCommand } from './commands/unlock-user.js';
import { restoreCommand } from './commands/restore.js';
import { statsCommand } from './commands/stats.js';
import { reportCommand } from './commands/report.js';
import { seedDemoCommand } from './commands/seed-demo.js';
import { generateProvinceCommand } from './commands/generate-province.js';
import { exitCodeOf, formatError } from './errors.js';
import type { CliIo, Command } from './io.js';

/** The operator commands, in the order `help` lists them. */
export const COMMANDS: readonly Command[] = [
  migrateCommand,
  createUserCommand,
  resetPasswordCommand,
  unlockUserCommand,
  backupCommand,
  restoreCommand,
  seedDemoCommand,
  generateProvinceCommand,
  importEnterprisesCommand,
  statsCommand,
  reportCommand,
  importMonthlyCommand,
  importProjectsCommand,
  importInvestmentCommand,
  periodsCommand,
  reviewCommand,
  publishCommand,
  reopenCommand,
  grantReviewerCommand,
];

/** The usage list: every command with its arguments and what it does. */
export function usageText(): string {
  const lines = [
    '链长通 ChainChief 运维命令 (operator commands): npm run cli -- <command> [options]',
    '',
    ...COMMANDS.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '  help',
    '      显示本说明 (show this list)',
    '',
    '数据库取自 DATABASE_URL，未设置时为 DATA_DIR 中的嵌入式数据库 (database: DATABASE_URL, else the embedded one in DATA_DIR).',
    '密码可用 CC_PASSWORD 环境变量传入，避免出现在命令历史中 (pass passwords in CC_PASSWORD to keep them out of shell history).',
  ];
  return lines.join('\n');
}

/**
 * Runs one command and returns the exit code: 0 done, 1 failed (one line on stderr, no stack
 * trace unless CC_DEBUG is set), 2 wrong usage, 3 import-monthly stopped by warnings.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out(usageText());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(name === undefined ? '错误 (error): 请指定命令 (no command given)' : `错误 (error): 未知命令 ${name} (unknown command ${name})`);
    io.err(usageText());
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`用法 (usage): ${command.usage}\n  ${command.summary}`);
    return 0;
  }
  try {
    await command.run(args, io);
    return 0;
  } catch (err) {
    io.err(formatError(err));
    if (io.env.CC_DEBUG && err instanceof Error && err.stack) io.err(err.stack);
    return err instanceof ImportStoppedError ? err.exitCode : exitCodeOf(err);
  }
}
