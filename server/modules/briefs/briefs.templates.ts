// The sentence templates of the brief: `{placeholder}`s filled from the figures, each template with
// the placeholders it may use. The admin edits them (one app_settings row, audited); a template with
// an unknown placeholder or unbalanced braces is refused (422) naming what is wrong.
import { z } from 'zod';
import {
  BRIEF_TEMPLATE_KEYS,
  type BriefFigure,
  type BriefSegment,
  type BriefTemplateKey,
  type UpdateBriefTemplatesRequest,
} from '../../../shared/contracts/briefs.js';
import type { Db } from '../../db/client.js';
import { settingOrDefault } from '../../db/settings.js';
import { AppError } from '../../lib/errors.js';
import { canAdminister, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { auditedSetting } from '../audit/audit.service.js';

type Spec = { label: string; text: string; placeholders: Record<string, string> };

const GROWTH = { growthVerb: '“增长”或“下降”', growth: '同比增减幅度（%，取绝对值）' };

/** The shipped templates (a city may keep its own house style by editing them). A figure placeholder prints with its unit (`{output}` → `855.04亿元`); words print as they are. */
export const BRIEF_TEMPLATES: Record<BriefTemplateKey, Spec> = {
  opening: {
    label: '开篇句（全市、县市区月报）',
    text: '{period}，{range}规上企业实现总产值{output}，同比{growthVerb}{growth}，其中{doubleDigit}产业链实现两位数增长。',
    placeholders: {
      period: '期间（1—6月）',
      range: '范围（全市15条产业链）',
      output: '总产值（亿元）',
      ...GROWTH,
      doubleDigit: '两位数增长的产业链条数',
      enterprises: '规上企业户数',
    },
  },
  chainOpening: {
    label: '开篇句（单条产业链月报）',
    text: '{period}，{range}{enterprises}规上企业实现总产值{output}，同比{growthVerb}{growth}。',
    placeholders: { period: '期间', range: '产业链名称', enterprises: '规上企业户数', output: '总产值（亿元）', ...GROWTH },
  },
  chainsIntro: {
    label: '分产业链概述',
    text: '分{dimension}看，{up}{dimension}产值同比增长，{down}下降；{top}增速居首，为{topGrowth}。',
    placeholders: {
      dimension: '“产业链”或“环节”',
      count: '个数（含单位）',
      up: '增长的个数（含单位）',
      down: '下降的个数（含单位）',
      top: '增速最高者',
      topGrowth: '其增速（含%）',
    },
  },
  chainLine: {
    label: '单条产业链情况',
    text: '{chain}实现产值{output}，同比{growthVerb}{growth}，拉动{contribution}。',
    placeholders: { rank: '产值排名', chain: '产业链名称', output: '产值（亿元）', ...GROWTH, contribution: '拉动（百分点）' },
  },
  areasIntro: {
    label: '分区域概述',
    text: '分区域看，{count}{areaKind}中{up}产值同比增长，{top}产值最高，为{topOutput}。',
    placeholders: { count: '个数', areaKind: '“县市区”或“园区”', up: '增长的个数', top: '产值最高者', topOutput: '其产值（亿元）' },
  },
  targetsIntro: {
    label: '目标完成概述',
    text: '目标完成方面，{withTarget}产业链设定了{year}年产值目标，合计完成{completion}（时序进度{timeShare}），其中{ahead}快于时序进度。',
    placeholders: {
      year: '年份',
      withTarget: '设定目标的条数',
      completion: '合计完成率（%）',
      timeShare: '时序进度（%）',
      ahead: '快于时序进度的条数',
    },
  },
  warningsIntro: {
    label: '预警与数据审核概述',
    text: '预警与数据审核方面，本期共有预警{total}，其中产值大幅下降{drops}、未按期报送{notReported}、疑似低于规上标准{belowScale}、疑似计量单位错误{unitSlips}；数据审核事项{reviewItems}，已处理{reviewSettled}。',
    placeholders: {
      total: '预警条数',
      drops: '产值下降预警',
      notReported: '未报预警',
      belowScale: '低于规上标准预警',
      unitSlips: '单位错误预警',
      reviewItems: '审核事项数',
      reviewSettled: '已处理的审核事项数',
    },
  },
  investmentIntro: {
    label: '投资与重大项目概述',
    text: '项目建设方面，{year}年新签约项目{signed}、签约额{signedAmount}，新列重大项目{major}、总投资{majorInvestment}。',
    placeholders: {
      year: '年份',
      signed: '签约项目个数',
      signedAmount: '签约额（亿元）',
      major: '新列重大项目个数',
      majorInvestment: '重大项目总投资（亿元）',
    },
  },
  problemsIntro: {
    label: '问题办理概述',
    text: '问题办理方面，{year}年累计受理企业诉求{received}，办结{closed}，按期办结率{onTime}。',
    placeholders: { year: '年份', received: '受理件数', closed: '办结件数', onTime: '按期办结率（%）' },
  },
};

/** The city the shipped demo is (a city sets its own with the templates). */
export const DEFAULT_CITY_NAME = '衡阳市';

const KEYS: readonly BriefTemplateKey[] = BRIEF_TEMPLATE_KEYS;

const stored = z.object({
  texts: z.partialRecord(z.enum(BRIEF_TEMPLATE_KEYS), z.string()),
  cityName: z.string().default(DEFAULT_CITY_NAME),
  version: z.number().int().min(1),
});
type Stored = z.infer<typeof stored>;

const setting = auditedSetting('briefs.templates', settingOrDefault(stored, { texts: {}, cityName: DEFAULT_CITY_NAME, version: 1 }));

type Part = { text: string } | { name: string };

/**
 * Splits a template into text and `{name}` parts; refuses (422) unbalanced braces and a name the
 * template does not offer, naming both in Chinese and English.
 */
export function parseTemplate(key: BriefTemplateKey, text: string): Part[] {
  const spec = BRIEF_TEMPLATES[key];
  const allowed = Object.keys(spec.placeholders);
  const parts: Part[] = [];
  let rest = text;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (open === -1 && close === -1) {
      parts.push({ text: rest });
      break;
    }
    if (open === -1 || (close !== -1 && close < open)) throw templateError('briefs.error.templateBraces', key, '}');
    const end = rest.indexOf('}', open);
    const nested = rest.indexOf('{', open + 1);
    if (end === -1 || (nested !== -1 && nested < end)) throw templateError('briefs.error.templateBraces', key, '{');
    if (open > 0) parts.push({ text: rest.slice(0, open) });
    const name = rest.slice(open + 1, end).trim();
    if (!allowed.includes(name)) throw templateError('briefs.error.templatePlaceholder', key, name);
    parts.push({ name });
    rest = rest.slice(end + 1);
  }
  return parts;
}

function templateError(
  messageKey: 'briefs.error.templateBraces' | 'briefs.error.templatePlaceholder',
  key: BriefTemplateKey,
  what: string,
) {
  const allowed = Object.keys(BRIEF_TEMPLATES[key].placeholders)
    .map((n) => `{${n}}`)
    .join(' ');
  return new AppError('template_invalid', {
    messageKey,
    params: { template: BRIEF_TEMPLATES[key].label, key, placeholder: what, allowed },
    details: [
      {
        path: `body.texts.${key}`,
        message: `${messageKey === 'briefs.error.templateBraces' ? 'unbalanced brace' : 'unknown placeholder'} ${what}`,
      },
    ],
  });
}

/** A placeholder's value: plain words or a figure. */
export type Fill = string | BriefFigure;

/** The segments of a template filled with `values` (a figure stays a figure segment for the preview's hover). */
export function fillTemplate(key: BriefTemplateKey, text: string, values: Record<string, Fill>): BriefSegment[] {
  const segments: BriefSegment[] = [];
  for (const part of parseTemplate(key, text)) {
    if ('text' in part) segments.push({ text: part.text });
    else {
      const value = values[part.name];
      if (value === undefined) continue;
      segments.push(typeof value === 'string' ? { text: value } : { figure: value });
    }
  }
  // Neighbouring words become one segment.
  return segments.reduce<BriefSegment[]>((out, s) => {
    const last = out[out.length - 1];
    if (last !== undefined && 'text' in last && 'text' in s) out[out.length - 1] = { text: last.text + s.text };
    else out.push(s);
    return out;
  }, []);
}

/** The texts in force (the stored ones over the shipped ones), for generation. */
export async function templateTextsOf(db: Db): Promise<Record<BriefTemplateKey, string>> {
  const { texts } = await setting.read(db);
  return Object.fromEntries(KEYS.map((key) => [key, texts[key] ?? BRIEF_TEMPLATES[key].text])) as Record<BriefTemplateKey, string>; // every key mapped
}

/** The city's name in the briefs' titles and headers. */
export async function cityNameOf(db: Db): Promise<string> {
  return (await setting.read(db)).cityName;
}

async function present(db: Db) {
  const { texts, version, cityName } = await setting.read(db);
  return {
    version,
    cityName,
    items: KEYS.map((key) => ({
      key,
      label: BRIEF_TEMPLATES[key].label,
      text: texts[key] ?? BRIEF_TEMPLATES[key].text,
      placeholders: Object.entries(BRIEF_TEMPLATES[key].placeholders).map(([name, description]) => ({ name, description })),
      defaultText: BRIEF_TEMPLATES[key].text,
    })),
  };
}

/** `GET /api/briefs/templates`: every template with its placeholders and shipped text. */
export function getBriefTemplates(db: Db) {
  return present(db);
}

/** `PUT /api/briefs/templates`: the admin replaces texts (checked first; 409 when changed since read). */
export async function updateBriefTemplates(db: Db, actor: Actor, input: UpdateBriefTemplatesRequest) {
  requireAccess(canAdminister(actor));
  for (const [key, text] of Object.entries(input.texts)) {
    // partialRecord keys are template keys.
    parseTemplate(key as BriefTemplateKey, text);
  }
  const current: Stored = await setting.read(db);
  if (current.version !== input.version) throw new AppError('version_conflict');
  const texts = { ...current.texts };
  for (const key of KEYS) {
    const text = input.texts[key];
    if (text === undefined) continue;
    if (text === BRIEF_TEMPLATES[key].text) delete texts[key];
    else texts[key] = text;
  }
  await setting.write(db, actor, { texts, cityName: input.cityName ?? current.cityName, version: current.version + 1 });
  return present(db);
}
