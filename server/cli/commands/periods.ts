// 数据审核与发布 from the command line: list months, move one to review, publish, reopen, and grant
// the 统计审核员 permission. All run as the system actor (audited as such) through the services.
import { PERIOD_PATTERN } from '../../../shared/stats/period.js';
import { loadConfig } from '../../config.js';
import { AppError } from '../../lib/errors.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { listPeriods, moveToReview, publishPeriod, reopenPeriod } from '../../modules/periods/periods.service.js';
import { setStatsReviewer } from '../../modules/users/users.service.js';
import { withDatabase } from '../database.js';
import { UsageError } from '../errors.js';
import { parseCommandArgs, requirePositionals, requireValue, type CliIo, type Command } from '../io.js';

const STATUS_LABEL = { collecting: '采集中 collecting', review: '审核中 review', published: '已发布 published' } as const;

function periodArg(positionals: string[], usage: string): string {
  const [period] = requirePositionals(positionals, ['<period>'], usage);
  if (period === undefined || !PERIOD_PATTERN.test(period))
    throw new UsageError(`期别须为 YYYY-MM，如 2026-10 (the period must be YYYY-MM) — 用法 (usage): ${usage}`);
  return period;
}

const periodsUsage = 'periods [--year YYYY] [--json]';
export const periodsCommand: Command = {
  name: 'periods',
  usage: periodsUsage,
  summary: '各月状态、报送覆盖与发布情况 (each month: status, coverage, publication)',
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs(args, { year: { type: 'string' }, json: { type: 'boolean' } }, periodsUsage);
    requirePositionals(positionals, [], periodsUsage);
    const year = values.year === undefined ? undefined : Number(values.year);
    if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
      throw new UsageError(`--year 须为 2000–2100 的年份 (--year must be a year) — 用法 (usage): ${periodsUsage}`);
    const answer = await withDatabase(loadConfig(io.env), { migrate: true }, (database) =>
      listPeriods(database.db, SYSTEM_ACTOR, { year }),
    );
    if (values.json) {
      io.out(JSON.stringify(answer, null, 2));
      return;
    }
    io.out(`${answer.year} 年各月 (months of ${answer.year}); 最近已发布 (latest published): ${answer.latestPublished ?? '-'}`);
    for (const item of answer.items) {
      const revisions = item.revisionsSincePublished
        ? `  发布后有 ${item.revisionsSincePublished} 处修订 (${item.revisionsSincePublished} revisions since published)`
        : '';
      io.out(
        `  ${item.period}  ${STATUS_LABEL[item.status].padEnd(20)}  已报 ${item.coverage.reported.toLocaleString('en-US')} / ${item.coverage.expected.toLocaleString('en-US')} 家${item.publishedAt ? `  发布于 ${item.publishedAt}` : ''}${revisions}`,
      );
    }
  },
};

/** Prints the open review items a refused publication lists, then fails with its message. */
function reportOpenItems(err: unknown, io: CliIo): never {
  if (
    err instanceof AppError &&
    err.code === 'conflict' &&
    typeof err.details === 'object' &&
    err.details !== null &&
    'openItems' in err.details &&
    Array.isArray(err.details.openItems)
  ) {
    for (const item of err.details.openItems) io.err(`  ${JSON.stringify(item)}`);
  }
  throw err;
}

const publishUsage = 'publish <period>';
export const publishCommand: Command = {
  name: 'publish',
  usage: publishUsage,
  summary: '发布一个月（有未处理的审核事项时拒绝并列出）(publish a month; refused while review items are open)',
  run: async (args, io) => {
    const { positionals } = parseCommandArgs(args, {}, publishUsage);
    const period = periodArg(positionals, publishUsage);
    const moved = await withDatabase(loadConfig(io.env), { migrate: true }, (database) =>
      publishPeriod(database.db, SYSTEM_ACTOR, period).catch((err: unknown) => reportOpenItems(err, io)),
    );
    io.out(`已发布 ${moved.period}（快照 ${moved.snapshotId ?? '-'}）(published ${moved.period}, snapshot ${moved.snapshotId ?? '-'})`);
  },
};

const reviewUsage = 'review <period> [--back]';
export const reviewCommand: Command = {
  name: 'review',
  usage: reviewUsage,
  summary: '将一个月转入审核（--back 退回采集）(move a month to review; --back returns it to collecting)',
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs(args, { back: { type: 'boolean' } }, reviewUsage);
    const period = periodArg(positionals, reviewUsage);
    const moved = await withDatabase(loadConfig(io.env), { migrate: true }, (database) =>
      moveToReview(database.db, SYSTEM_ACTOR, period, values.back === true),
    );
    io.out(`${moved.period}: ${STATUS_LABEL[moved.status]}`);
  },
};

const reopenUsage = 'reopen <period> --reason 原因';
export const reopenCommand: Command = {
  name: 'reopen',
  usage: reopenUsage,
  summary: '重新打开已发布的月份以便修订，须说明原因 (reopen a published month for revision; a reason is required)',
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs(args, { reason: { type: 'string' } }, reopenUsage);
    const period = periodArg(positionals, reopenUsage);
    const reason = requireValue(values.reason, '--reason', reopenUsage).trim();
    if (reason.length < 2)
      throw new UsageError(`--reason 至少 2 个字 (--reason needs at least 2 characters) — 用法 (usage): ${reopenUsage}`);
    const moved = await withDatabase(loadConfig(io.env), { migrate: true }, (database) =>
      reopenPeriod(database.db, SYSTEM_ACTOR, period, reason),
    );
    io.out(`${moved.period}: ${STATUS_LABEL[moved.status]}（已发布的快照保留至重新发布）(the published snapshot stays until republished)`);
  },
};

const grantUsage = 'grant-reviewer --username U [--revoke]';
export const grantReviewerCommand: Command = {
  name: 'grant-reviewer',
  usage: grantUsage,
  summary: '授予（--revoke 撤销）统计审核员权限，仅限市领导账号 (grant or revoke the statistics reviewer permission; leader accounts only)',
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs(args, { username: { type: 'string' }, revoke: { type: 'boolean' } }, grantUsage);
    requirePositionals(positionals, [], grantUsage);
    const username = requireValue(values.username, '--username', grantUsage);
    const user = await withDatabase(loadConfig(io.env), { migrate: true }, (database) =>
      setStatsReviewer(database.db, SYSTEM_ACTOR, { username }, values.revoke !== true),
    );
    io.out(`${user.username}: 统计审核员 ${user.statsReviewer ? '已授予 (granted)' : '已撤销 (revoked)'}`);
  },
};
