// The two example schemes every database starts with (2025, active): 链长制考核 of the chains and a
// Hunan-style 五好园区 of the parks. The province publishes the five headings, not the indicators
// (domain brief), so the indicators below are a plausible reading built on the platform's data and
// an assessor's scores; an operator edits them (a new version) or writes the next year's scheme.
import type { CreateSchemeRequest, SchemeDefinition, SchemeIndicator, ScoringRule } from '../../../shared/contracts/assessment.js';
import type { Db } from '../../db/client.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { countSchemes } from './assessment.queries.js';
import { createScheme } from './assessment.service.js';

export const EXAMPLE_YEAR = 2025;

const pct = (floor: number, target: number) => ({ kind: 'linear', floor, target }) as const;
const ONTIME_STEPS: ScoringRule = {
  kind: 'threshold',
  steps: [
    { atLeast: 0.8, share: 0.6 },
    { atLeast: 0.9, share: 0.85 },
    { atLeast: 0.95, share: 1 },
  ],
};
const ASSESSOR = pct(0, 100);

/** The indicators both schemes read from projects and tickets: signed (ranked), started, funds arrived (10 each), problems closed on time (10). */
function pipelineIndicators(groups: { projects: string; tickets: string }, signedWeight: number): SchemeIndicator[] {
  const project = (code: string, name: string, weight: number, rule: ScoringRule) => ({
    code,
    name,
    group: groups.projects,
    weight,
    source: code,
    rule,
  });
  return [
    project('projects_signed', '新签约项目', signedWeight, { kind: 'rank' }),
    project('projects_started', '签约项目开工', 10, pct(0, 0.8)),
    project('funds_arrived', '资金到位', 10, pct(0, 0.6)),
    { code: 'tickets_on_time', name: '企业问题按期办结', group: groups.tickets, weight: 10, source: 'tickets_on_time', rule: ONTIME_STEPS },
  ];
}

const CHAIN_SCHEME: SchemeDefinition = {
  indicators: [
    { code: 'output_growth', name: '产业链产值增长', group: '产业发展', weight: 25, source: 'chain_output_growth', rule: pct(0, 0.1) },
    { code: 'target_completion', name: '年度产值目标完成', group: '产业发展', weight: 20, source: 'target_completion', rule: pct(0.6, 1) },
    ...pipelineIndicators({ projects: '招商引资', tickets: '问题交办' }, 15),
    { code: 'chief_duty', name: '链长履职（调度会议、走访企业）', group: '工作机制', weight: 10, source: 'manual', rule: ASSESSOR },
  ],
  bonuses: [
    { code: 'national_pilot', name: '获国家级试点、荣誉或集群认定', maxPoints: 3 },
    { code: 'new_chain_master', name: '新引进链主企业', maxPoints: 2 },
  ],
  deductions: [
    { code: 'data_untrue', name: '数据报送不实', maxPoints: 5 },
    { code: 'task_overdue', name: '督办事项逾期未办结', maxPoints: 3 },
  ],
  vetoes: [
    { code: 'safety_accident', name: '发生重大安全生产事故' },
    { code: 'statistical_fraud', name: '统计造假' },
  ],
};

const PARK_SCHEME: SchemeDefinition = {
  indicators: [
    { code: 'planning', name: '规划编制与主导产业集聚', group: '规划定位好', weight: 10, source: 'manual', rule: ASSESSOR },
    { code: 'output_growth', name: '园区规上产值增长', group: '规划定位好', weight: 10, source: 'chain_output_growth', rule: pct(0, 0.12) },
    { code: 'platforms', name: '省级以上创新平台数', group: '创新平台好', weight: 10, source: 'manual', rule: pct(0, 10) },
    { code: 'rd_intensity', name: '研发投入强度', group: '创新平台好', weight: 10, source: 'manual', rule: pct(0, 0.03) },
    ...pipelineIndicators({ projects: '产业项目好', tickets: '体制机制好' }, 10),
    { code: 'reform', name: '管理体制改革与营商环境', group: '体制机制好', weight: 5, source: 'manual', rule: ASSESSOR },
    { code: 'image', name: '安全环保与园区形象', group: '发展形象好', weight: 15, source: 'manual', rule: ASSESSOR },
  ],
  bonuses: [{ code: 'national_honour', name: '获国家级表彰或试点', maxPoints: 3 }],
  deductions: [{ code: 'environment_issue', name: '环保督察问题整改不到位', maxPoints: 5 }],
  vetoes: [{ code: 'major_accident', name: '发生重大安全生产或环境事故' }],
};

export const EXAMPLE_SCHEMES: readonly CreateSchemeRequest[] = [
  { kind: 'chain', year: EXAMPLE_YEAR, name: '链长制考核（示例）', definition: CHAIN_SCHEME },
  { kind: 'park', year: EXAMPLE_YEAR, name: '五好园区考核（示例）', definition: PARK_SCHEME },
];

/**
 * Writes the example schemes when the database holds no scheme at all (a first start), so every
 * installation has a working model to copy; a database with schemes keeps its own. Returns how many were written.
 */
export async function ensureExampleSchemes(db: Db): Promise<number> {
  if ((await countSchemes(db)) > 0) return 0;
  for (const scheme of EXAMPLE_SCHEMES) await createScheme(db, SYSTEM_ACTOR, scheme, 'active');
  return EXAMPLE_SCHEMES.length;
}
