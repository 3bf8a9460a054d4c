// 数据审核与发布 from the command line: list months, move one to review, publish, reopen, and grant
// the 统计审核员 permission. All run as the system actor (audited as such) through the services.
import { PERIOD_PATTERN } from '../../../shared/stats/period.js';
import { AppError } from '../../lib/errors.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { listPeriods, moveToReview, publishPeriod, reopenPeriod } from '../../modules/periods/periods.service.js';
import { setStatsReviewer } from '../../modules/users/users.service.js';
import { defineCommand } from '../command.js';
import type { CliIo } from '../io.js';

const STATUS_LABEL = { collecting: '采集中 collecting', review: '审核中 review', published: '已发布 published' } as const;

type PeriodContext = { positionals: string[]; usageError: (reason: string) => Error };

/** The one positional argument, a month YYYY-MM, or a usage error. */
function periodArg({ positionals: [period], usageError }: PeriodContext): string {
  if (period === undefined || !PERIOD_PATTERN.test(period)) throw usageError('期别须为 YYYY-MM，如 2026-10 (the period must be YYYY-MM)');
  return period;
}

export const periodsCommand = defineCommand({
  name: 'periods',
  usage: 'periods [--year YYYY] [--json]',
  summary: '各月状态、报送覆盖与发布情况 (each month: status, coverage, publication)',
  options: { year: { type: 'string' }, json: { type: 'boolean' } },
  run: async ({ values, io, usageError, database }) => {
    const year = values.year === undefined ? undefined : Number(values.year);
    if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
      throw usageError('--year 须为 2000–2100 的年份 (--year must be a year)');
    const answer = await database(({ db }) => listPeriods(db, SYSTEM_ACTOR, { year }));
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
});

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

export const publishCommand = defineCommand({
  name: 'publish',
  usage: 'publish <period>',
  summary: '发布一个月（有未处理的审核事项时拒绝并列出）(publish a month; refused while review items are open)',
  positionals: ['<period>'],
  run: async (context) => {
    const period = periodArg(context);
    const moved = await context.database(({ db }) =>
      publishPeriod(db, SYSTEM_ACTOR, period).catch((err: unknown) => reportOpenItems(err, context.io)),
    );
    context.io.out(
      `已发布 ${moved.period}（快照 ${moved.snapshotId ?? '-'}）(published ${moved.period}, snapshot ${moved.snapshotId ?? '-'})`,
    );
  },
});

export const reviewCommand = defineCommand({
  name: 'review',
  usage: 'review <period> [--back]',
  summary: '将一个月转入审核（--back 退回采集）(move a month to review; --back returns it to collecting)',
  options: { back: { type: 'boolean' } },
  positionals: ['<period>'],
  run: async (context) => {
    const period = periodArg(context);
    const moved = await context.database(({ db }) => moveToReview(db, SYSTEM_ACTOR, period, context.values.back === true));
    context.io.out(`${moved.period}: ${STATUS_LABEL[moved.status]}`);
  },
});

export const reopenCommand = defineCommand({
  name: 'reopen',
  usage: 'reopen <period> --reason 原因',
  summary: '重新打开已发布的月份以便修订，须说明原因 (reopen a published month for revision; a reason is required)',
  options: { reason: { type: 'string' } },
  positionals: ['<period>'],
  run: async (context) => {
    const period = periodArg(context);
    const reason = context.required('reason').trim();
    if (reason.length < 2) throw context.usageError('--reason 至少 2 个字 (--reason needs at least 2 characters)');
    const moved = await context.database(({ db }) => reopenPeriod(db, SYSTEM_ACTOR, period, reason));
    context.io.out(
      `${moved.period}: ${STATUS_LABEL[moved.status]}（已发布的快照保留至重新发布）(the published snapshot stays until republished)`,
    );
  },
});

export const grantReviewerCommand = defineCommand({
  name: 'grant-reviewer',
  usage: 'grant-reviewer --username U [--revoke]',
  summary: '授予（--revoke 撤销）统计审核员权限，仅限市领导账号 (grant or revoke the statistics reviewer permission; leader accounts only)',
  options: { username: { type: 'string' }, revoke: { type: 'boolean' } },
  run: async ({ values, io, required, database }) => {
    const username = required('username');
    const user = await database(({ db }) => setStatsReviewer(db, SYSTEM_ACTOR, { username }, values.revoke !== true));
    io.out(`${user.username}: 统计审核员 ${user.statsReviewer ? '已授予 (granted)' : '已撤销 (revoked)'}`);
  },
});
