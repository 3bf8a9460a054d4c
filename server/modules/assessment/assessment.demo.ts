// The demo's 2025 assessment (示例): the example schemes' manual indicators filled for every chain and
// park with fictional evidence marked 示例, a few bonus and deduction points, then both schemes scored.
import type { Db } from '../../db/client.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { createRandom } from '../demo/prng.js';
import { EXAMPLE_YEAR, ensureExampleSchemes } from './assessment.examples.js';
import { selectSchemes } from './assessment.queries.js';
import { objectsOf, putEntry, runScheme } from './assessment.service.js';

/** The manual value of an indicator for the demo: a score on its rule's scale (0–100, a count, a share). */
function demoValue(random: ReturnType<typeof createRandom>, code: string): number {
  if (code === 'platforms') return random.int(1, 12);
  if (code === 'rd_intensity') return Math.round(random.range(0.008, 0.035) * 1000) / 1000;
  return random.int(62, 98);
}

const EVIDENCE: Record<string, string> = {
  chief_duty: '示例：链长全年召开产业链调度会 {n} 次、走访企业 {m} 家（虚构佐证）',
  planning: '示例：园区总体规划与产业规划已批复，主导产业产值占比见附件（虚构佐证）',
  platforms: '示例：省级以上企业技术中心、工程研究中心等平台清单（虚构佐证）',
  rd_intensity: '示例：园区规上企业研发费用 ÷ 营业收入，据统计年报（虚构佐证）',
  reform: '示例：“放管服”改革与赋权事项承接情况评价（虚构佐证）',
  image: '示例：安全生产、生态环境与园区形象现场评价（虚构佐证）',
};

/**
 * Fills and scores the demo's 2025 assessment of the chains and the parks (once: a database whose
 * example schemes were already run keeps its runs). Returns how many runs were written.
 */
export async function seedDemoAssessment(db: Db, seed: number): Promise<number> {
  await ensureExampleSchemes(db);
  let runs = 0;
  for (const scheme of await selectSchemes(db, { year: EXAMPLE_YEAR })) {
    if (scheme.status !== 'active' || scheme.runCount > 0) continue;
    const objects = await objectsOf(db, scheme.kind, scheme.year);
    for (const object of objects) {
      const random = createRandom(seed, `assessment:${scheme.kind}:${object.code}`);
      for (const indicator of scheme.definition.indicators.filter((i) => i.source === 'manual')) {
        const evidence = (EVIDENCE[indicator.code] ?? '示例：考核组评分（虚构佐证）')
          .replace('{n}', String(random.int(4, 12)))
          .replace('{m}', String(random.int(10, 40)));
        await putEntry(db, SYSTEM_ACTOR, scheme.id, {
          objectCode: object.code,
          itemCode: indicator.code,
          value: demoValue(random, indicator.code),
          evidence,
        });
      }
      const bonus = scheme.definition.bonuses[0];
      if (bonus && random.chance(0.2)) {
        await putEntry(db, SYSTEM_ACTOR, scheme.id, {
          objectCode: object.code,
          itemCode: bonus.code,
          value: random.int(1, bonus.maxPoints),
          evidence: `示例：${bonus.name}（虚构佐证）`,
        });
      }
      const deduction = scheme.definition.deductions[0];
      if (deduction && random.chance(0.15)) {
        await putEntry(db, SYSTEM_ACTOR, scheme.id, {
          objectCode: object.code,
          itemCode: deduction.code,
          value: random.int(1, 2),
          evidence: `示例：${deduction.name}（虚构佐证）`,
        });
      }
    }
    await runScheme(db, SYSTEM_ACTOR, scheme.id);
    runs += 1;
  }
  return runs;
}
