import fs from 'node:fs';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { briefToDocx } from '../../modules/briefs/briefs.docx.js';
import { previewBrief } from '../../modules/briefs/briefs.service.js';
import { cityNameOf } from '../../modules/briefs/briefs.templates.js';
import { chainCodeSchema, monthSchema } from '../../../shared/contracts/identifiers.js';
import { defineCommand } from '../command.js';

const usage = 'report monthly --period YYYY-MM [--chain CH02] --out brief.docx [--force]';

/**
 * `report monthly`: the monthly brief (产业链运行月报) of a published month, for the city or one
 * chain, written as .docx — the document the web's export gives, generated as the system (every
 * figure of the published snapshot), not stored as a brief. An unpublished month or an unknown chain
 * fails with the reason; an existing file is kept unless --force.
 */
export const reportCommand = defineCommand({
  name: 'report',
  usage,
  summary: '生成产业链运行月报 Word 文件（已发布月份） (write the monthly chain brief of a published month as .docx)',
  options: { period: { type: 'string' }, chain: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
  positionals: ['monthly'],
  run: async ({ values, positionals: [what], io, required, usageError, database }) => {
    if (what !== 'monthly') throw usageError(`未知报告 ${what} (unknown report ${what})`);
    const period = required('period');
    if (!monthSchema.safeParse(period).success) throw usageError(`--period 应为 YYYY-MM (--period must be YYYY-MM): ${period}`);
    const chain = values.chain;
    if (chain !== undefined && !chainCodeSchema.safeParse(chain).success) throw usageError(`--chain 无效 (invalid --chain): ${chain}`);
    const out = path.resolve(required('out'));
    if (fs.existsSync(out) && values.force !== true) throw usageError(`${out} 已存在，加 --force 覆盖 (exists; add --force to overwrite)`);
    await database(
      async ({ db }) => {
        const brief = await previewBrief(
          db,
          SYSTEM_ACTOR,
          chain === undefined ? { period, kind: 'city' } : { period, kind: 'chain', chainCode: chain },
        );
        await fs.promises.writeFile(out, await briefToDocx(brief, await cityNameOf(db)));
        io.out(`已写入 (written): ${out} — ${brief.title}`);
      },
      { migrate: false },
    );
  },
});
