import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../paths.js';
import { generateDemoData } from './generate.js';

/**
 * Real companies of Hengyang and of the industries the demo covers. The demo's figures are invented, so
 * none of these may appear beside them (place names such as 水口山 may: a park is a place, not a firm).
 */
const REAL_COMPANIES = [
  '特变电工',
  '衡阳变压器',
  '华菱',
  '衡阳钢管',
  '富士康',
  '鸿海',
  '水口山有色',
  '水口山集团',
  '中核二七二',
  '二七二铀业',
  '金杯电工',
  '衡阳电缆',
  '建滔',
  '五矿',
  '湘钢',
  '株冶',
  '比亚迪',
  '宁德时代',
  '中联重科',
  '三一重工',
  '中国石化',
  '中盐',
  '南岳电控',
  '衡山汽车',
];

/** The demo's text: every generated row but the monthly numbers, and the source of every module's demo rows and name data (demo/names.json). */
function demoText(): string {
  const data = generateDemoData();
  const generated = JSON.stringify({ ...data, monthlyFigures: [], scaleYears: [] });
  const modules = path.join(ROOT, 'server/modules');
  const sources = readdirSync(modules, { recursive: true, encoding: 'utf8' })
    .filter(
      (file) =>
        file.endsWith('.demo.ts') ||
        (file.startsWith(`demo${path.sep}`) && (file.endsWith('.json') || (file.endsWith('.ts') && !file.endsWith('.test.ts')))),
    )
    .map((file) => readFileSync(path.join(modules, file), 'utf8'));
  const reference = readFileSync(path.join(ROOT, 'server/db/seed/chains.json'), 'utf8');
  return [generated, reference, ...sources].join('\n');
}

describe('demo names', () => {
  it('names no real company: demo firms and chain masters are fictional and marked (示例)', () => {
    const text = demoText();
    expect(text).toContain('衡州变压器(示例)');
    expect(REAL_COMPANIES.filter((name) => text.includes(name))).toEqual([]);
  });
});
