// The sentence templates: parsing, refusals naming what is wrong, and filling with figures.
import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/index.js';
import { AppError } from '../../lib/errors.js';
import { BRIEF_TEMPLATES, fillTemplate, parseTemplate } from './briefs.templates.js';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const figure = {
  key: 'total_output',
  text: '855.04',
  unit: '亿元',
  definition: '规上工业总产值',
  period: '2024年1—6月',
  range: '全市',
  source: 'snapshot' as const,
  sourceNote: '',
};

describe('brief templates', () => {
  it('accepts every shipped template', () => {
    for (const [key, spec] of Object.entries(BRIEF_TEMPLATES))
      expect(() => parseTemplate(key as keyof typeof BRIEF_TEMPLATES, spec.text)).not.toThrow();
  });

  it('refuses an unknown placeholder with 422, naming it and the allowed ones in Chinese and English', () => {
    const error = refusal(() => parseTemplate('opening', '{period}，产值{outpt}'));
    expect(error.status).toBe(422);
    expect(error.localized('zh-CN')).toContain('未知占位符 {outpt}');
    expect(error.localized('zh-CN')).toContain('{doubleDigit}');
    expect(error.localized('en')).toContain('unknown placeholder {outpt}');
    expect(error.details).toEqual([{ path: 'body.texts.opening', message: 'unknown placeholder outpt' }]);
  });

  it('refuses unbalanced braces, whichever is missing', () => {
    for (const text of ['{period', 'period}', '{pe{riod}', '产值{output}}']) {
      const error = refusal(() => parseTemplate('opening', text));
      expect(error.status, text).toBe(422);
      expect(error.localized('en'), text).toContain('unbalanced braces');
    }
  });

  it('fills words as text and figures as figure segments, joining neighbouring words', () => {
    expect(
      fillTemplate('chainOpening', '{period}，{range}实现总产值{output}。', { period: '1—6月', range: '全市', output: figure }),
    ).toEqual([{ text: '1—6月，全市实现总产值' }, { figure }, { text: '。' }]);
  });

  it('has an English message for every message it uses', () => {
    expect(translate('en', 'briefs.error.templateBraces', { template: 'x', key: 'opening', placeholder: '{' })).toContain('opening');
  });
});
