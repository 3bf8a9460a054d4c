import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIEF_ACTIONS } from '../../../shared/contracts/briefs.js';
import { auditZhCN } from '../../../shared/i18n/audit.zh-CN.js';
import { PERIOD_ACTIONS } from '../../../shared/publication/workflow.js';
import { TASK_ACTIONS } from '../../../shared/supervision/workflow.js';
import { TICKET_ACTIONS } from '../../../shared/tickets/workflow.js';
import { ROOT } from '../../paths.js';

/**
 * The actions a service writes from a variable, by file and expression: the values the variable can
 * take. A new dynamic action must be added here (the test names it), so its values get labels too.
 */
const DYNAMIC_ACTIONS: Record<string, readonly string[]> = {
  'tickets.service.ts input.action': TICKET_ACTIONS,
  'supervision.service.ts input.action': TASK_ACTIONS,
  'periods.service.ts `period_${action}`': PERIOD_ACTIONS.map((a) => `period_${a}`),
  'briefs.service.ts input.action': BRIEF_ACTIONS,
};

function serverSources(dir: string, out: { name: string; text: string }[] = []): { name: string; text: string }[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test') serverSources(full, out);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      out.push({ name: entry.name, text: fs.readFileSync(full, 'utf8') });
    }
  }
  return out;
}

/** The argument text of each `recordAudit(` call (not its definition). */
function auditCalls(text: string): string[] {
  const calls: string[] = [];
  for (const match of text.matchAll(/(?<!function )recordAudit\(/g)) {
    let depth = 1;
    let i = (match.index ?? 0) + match[0].length;
    const start = i;
    for (; i < text.length && depth > 0; i += 1) {
      if (text[i] === '(') depth += 1;
      else if (text[i] === ')') depth -= 1;
    }
    calls.push(text.slice(start, i - 1));
  }
  return calls;
}

/** The codes an action expression can give: its string literals (of a conditional, the branches only). */
const literals = (expression: string) => [...expression.slice(expression.indexOf('?') + 1).matchAll(/'([a-z_]+)'/g)].map((m) => m[1] ?? '');

/** Every action and object code the server writes into audit_log, read from its sources. */
function codesWritten(): { actions: Set<string>; entities: Set<string>; unknownDynamic: string[] } {
  const actions = new Set<string>(['create', 'update', 'delete']);
  const entities = new Set<string>(['app_settings']);
  const unknownDynamic: string[] = [];
  for (const { name, text } of serverSources(path.join(ROOT, 'server'))) {
    for (const m of text.matchAll(/\bentity: '([a-z_]+)'/g)) entities.add(m[1] ?? '');
    for (const m of text.matchAll(/auditedWrites(?:<[^>]*>)?\(\s*'([a-z_]+)'/g)) entities.add(m[1] ?? '');
    for (const call of auditCalls(text)) {
      const expression = /\baction: ((?:`[^`]*`|[^,\n}])+)/.exec(call)?.[1]?.trim();
      if (!expression) continue;
      const found = literals(expression);
      const dynamic = DYNAMIC_ACTIONS[`${name} ${expression}`];
      if (dynamic) for (const code of dynamic) actions.add(code);
      else if (found.length === 0) unknownDynamic.push(`${name}: action ${expression}`);
      for (const code of found) actions.add(code);
    }
  }
  return { actions, entities, unknownDynamic };
}

describe('the 操作日志 labels', () => {
  const written = codesWritten();

  it('finds the codes the server writes (the scan itself works)', () => {
    for (const code of ['login', 'reset_password', 'disable', 'period_publish', 'accept', 'request_extension']) {
      expect(written.actions, code).toContain(code);
    }
    for (const code of ['user', 'session', 'enterprise', 'park', 'chain_node', 'ticket']) expect(written.entities, code).toContain(code);
    expect(written.unknownDynamic).toEqual([]);
  });

  it('has a Chinese and English label for every action and object code', () => {
    const missing = [
      ...[...written.actions].map((code) => `audit.action.${code}`),
      ...[...written.entities].map((code) => `audit.entity.${code}`),
    ].filter((key) => !(key in auditZhCN));
    expect(missing).toEqual([]);
  });
});
