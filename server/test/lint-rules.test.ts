import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Each fixture is a few lines of source linted with the project's own eslint.config.js as if it lay
// at `path` (the file need not exist), so the rule ids it gets are the ones `npm run lint` would give.
const eslint = new ESLint();

async function ruleIds(path: string, code: string): Promise<string[]> {
  const results = await eslint.lintText(code, { filePath: path });
  return results.flatMap((r) => r.messages).map((m) => m.ruleId ?? m.message);
}

/** A fixture: what it shows, where it lies, its source lines, and the rule ids it must get (none: accepted). */
type Fixture = { name: string; path: string; lines: readonly string[]; rules: readonly string[] };

const FIXTURES: readonly Fixture[] = [
  {
    name: 'refuses a server/lib file that imports a module',
    path: 'server/lib/fixture.ts',
    lines: ["import type { Actor } from '../modules/access/actor.js';", 'export type A = Actor;'],
    rules: ['local/lib-imports-no-module'],
  },
  {
    name: 'refuses a server/lib file that re-exports from a module',
    path: 'server/lib/spreadsheet/fixture.ts',
    lines: ["export { SYSTEM_ACTOR } from '../../modules/access/actor.js';"],
    rules: ['local/lib-imports-no-module'],
  },
  {
    name: 'accepts a server/lib file that imports lib and shared',
    path: 'server/lib/fixture.ts',
    lines: [
      "import type { Actor } from './actor.js';",
      "import { ROLES } from '../../shared/roles.js';",
      'export type A = Actor;',
      'export const r = ROLES;',
    ],
    rules: [],
  },
  {
    name: "refuses a module importing another module's queries",
    path: 'server/modules/demo/fixture.ts',
    lines: ["import { selectUserByName } from '../users/users.queries.js';", 'export const f = selectUserByName;'],
    rules: ['local/queries-private-to-module'],
  },
  {
    name: "refuses a file outside the modules importing a module's queries",
    path: 'server/bootstrap-fixture.ts',
    lines: ["import { countChains } from './modules/demo/demo.queries.js';", 'export const f = countChains;'],
    rules: ['local/queries-private-to-module'],
  },
  {
    name: "accepts a module's own queries and another module's service",
    path: 'server/modules/demo/fixture.ts',
    lines: [
      "import { countChains } from './demo.queries.js';",
      "import { isUsernameTaken } from '../users/users.service.js';",
      'export const f = [countChains, isUsernameTaken];',
    ],
    rules: [],
  },
  {
    name: "lets a test build rows through any module's queries",
    path: 'server/modules/demo/fixture.test.ts',
    lines: ["import { insertUser } from '../users/users.queries.js';", 'export const f = insertUser;'],
    rules: [],
  },
  {
    name: 'refuses a type assertion without a comment in server/',
    path: 'server/modules/demo/fixture.ts',
    lines: ['export function f(x: unknown) {', '  return (x as { a: number }).a;', '}'],
    rules: ['local/assertion-needs-comment'],
  },
  {
    name: 'refuses both type assertions without a comment in shared/',
    path: 'shared/fixture.ts',
    lines: ['export const n = <number>(JSON.parse("1") as unknown);'],
    rules: ['local/assertion-needs-comment', 'local/assertion-needs-comment'],
  },
  {
    name: 'accepts a type assertion with a comment above or beside it, and `as const`',
    path: 'server/modules/demo/fixture.ts',
    lines: [
      'export function f(x: unknown) {',
      '  // Only g() calls f, always with an { a } object.',
      '  const y = x as { a: number };',
      '  const z = x as { b: number }; // the same caller passes b too',
      '  return [y.a, z.b] as const;',
      '}',
    ],
    rules: [],
  },
];

describe('server layer rules (eslint.config.js, "server layers")', () => {
  it.each(FIXTURES)('$name', async ({ path, lines, rules }) => {
    expect(await ruleIds(path, `${lines.join('\n')}\n`)).toEqual(rules);
  });
});
