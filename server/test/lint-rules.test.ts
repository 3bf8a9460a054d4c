import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Each fixture is a few lines of source linted with the project's own eslint.config.js as if it lay
// at `path` (the file need not exist), so the rule ids it gets are the ones `npm run lint` would give.
const eslint = new ESLint();

async function ruleIds(path: string, code: string): Promise<string[]> {
  const results = await eslint.lintText(code, { filePath: path });
  return results.flatMap((r) => r.messages).map((m) => m.ruleId ?? m.message);
}

describe('server layer rules (eslint.config.js, "server layers")', () => {
  it('refuses a server/lib file that imports a module, and accepts one that imports lib and shared', async () => {
    expect(
      await ruleIds('server/lib/fixture.ts', "import type { Actor } from '../modules/access/actor.js';\nexport type A = Actor;\n"),
    ).toEqual(['local/lib-imports-no-module']);
    expect(await ruleIds('server/lib/spreadsheet/fixture.ts', "export { SYSTEM_ACTOR } from '../../modules/access/actor.js';\n")).toEqual([
      'local/lib-imports-no-module',
    ]);
    expect(
      await ruleIds(
        'server/lib/fixture.ts',
        "import type { Actor } from './actor.js';\nimport { ROLES } from '../../shared/roles.js';\nexport type A = Actor;\nexport const r = ROLES;\n",
      ),
    ).toEqual([]);
  });

  it("refuses a module importing another module's queries, and accepts its own queries and another's service", async () => {
    expect(
      await ruleIds(
        'server/modules/demo/fixture.ts',
        "import { selectUserByName } from '../users/users.queries.js';\nexport const f = selectUserByName;\n",
      ),
    ).toEqual(['local/queries-private-to-module']);
    expect(
      await ruleIds(
        'server/bootstrap-fixture.ts',
        "import { countChains } from './modules/demo/demo.queries.js';\nexport const f = countChains;\n",
      ),
    ).toEqual(['local/queries-private-to-module']);
    expect(
      await ruleIds(
        'server/modules/demo/fixture.ts',
        "import { countChains } from './demo.queries.js';\nimport { isUsernameTaken } from '../users/users.service.js';\nexport const f = [countChains, isUsernameTaken];\n",
      ),
    ).toEqual([]);
  });

  it("lets a test build rows through any module's queries", async () => {
    expect(
      await ruleIds(
        'server/modules/demo/fixture.test.ts',
        "import { insertUser } from '../users/users.queries.js';\nexport const f = insertUser;\n",
      ),
    ).toEqual([]);
  });

  it('refuses a type assertion without a comment in server/ and shared/, and accepts one with a comment or `as const`', async () => {
    expect(
      await ruleIds('server/modules/demo/fixture.ts', 'export function f(x: unknown) {\n  return (x as { a: number }).a;\n}\n'),
    ).toEqual(['local/assertion-needs-comment']);
    expect(await ruleIds('shared/fixture.ts', 'export const n = <number>(JSON.parse("1") as unknown);\n')).toEqual([
      'local/assertion-needs-comment',
      'local/assertion-needs-comment',
    ]);
    expect(
      await ruleIds(
        'server/modules/demo/fixture.ts',
        [
          'export function f(x: unknown) {',
          '  // Only g() calls f, always with an { a } object.',
          '  const y = x as { a: number };',
          '  const z = x as { b: number }; // the same caller passes b too',
          '  return [y.a, z.b] as const;',
          '}',
          '',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});
