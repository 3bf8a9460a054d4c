import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const RULE = 'web-boundaries/no-cross-layer-import';
const eslint = new ESLint({ cwd: process.cwd() });

/** Lints a fixture of eslint-rules/fixtures/ as though it stood at `asPath` (the rule reads the file's place). */
async function lintFixtureAs(fixture: string, asPath: string) {
  const code = await readFile(path.join('eslint-rules/fixtures', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: path.resolve(asPath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE);
}

describe('web layer boundaries (eslint)', () => {
  it('refuses a feature importing another feature', async () => {
    const messages = await lintFixtureAs('cross-feature-import.tsx', 'web/features/parks/components/cross-feature-import.tsx');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.message).toContain("Feature 'parks' imports feature 'chains'");
  });

  it('refuses web/lib importing a feature', async () => {
    const messages = await lintFixtureAs('shared-imports-feature.tsx', 'web/lib/shared-imports-feature.tsx');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.line).toBe(2);
  });

  it('lets a feature import its own folder, the shared layers and the contracts', async () => {
    expect(await lintFixtureAs('own-feature-import.tsx', 'web/features/parks/components/own-feature-import.tsx')).toEqual([]);
  });
});
