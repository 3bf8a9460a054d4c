import { scopeEntry, type ScopeEntry } from '../../../shared/contracts/auth.js';
import { createUserRequest } from '../../../shared/contracts/users.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { createUser } from '../../modules/users/users.service.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { choosePassword, generatedPasswordLine } from '../password.js';

/** Command-line option for each field, so a rejected field is named the way the operator typed it. */
const OPTION_OF: Record<string, string> = {
  username: '--username',
  displayName: '--name',
  role: '--role',
  scopes: '--scope',
  statsReviewer: '--reviewer',
};

function parseScope(text: string): ScopeEntry {
  const colon = text.indexOf(':');
  const parsed = scopeEntry.safeParse({ kind: text.slice(0, colon), ref: text.slice(colon + 1) });
  if (colon < 1 || !parsed.success) {
    throw new UsageError(
      `--scope ${text} 无效，格式为 类型:编码，如 chain:CH02 (invalid --scope; use kind:ref such as chain:CH02 or park:P01)`,
    );
  }
  return parsed.data;
}

export const createUserCommand = defineCommand({
  name: 'create-user',
  usage: 'create-user --username U --role R [--name 显示名] [--password P] [--scope kind:ref ...] [--reviewer]',
  summary: '创建用户 (create a user; audited as system)',
  options: {
    username: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    scope: { type: 'string', multiple: true },
    reviewer: { type: 'boolean' },
  },
  run: async ({ values, io, required, config, database }) => {
    const username = required('username');
    const input = {
      username,
      displayName: values.name ?? username,
      role: required('role'),
      scopes: (values.scope ?? []).map(parseScope),
      statsReviewer: values.reviewer === true,
    };
    // Check the other fields before asking for a password, so a typo does not cost a prompt.
    const checked = createUserRequest.omit({ password: true }).safeParse(input);
    if (!checked.success) {
      const reasons = checked.error.issues.map((i) => `${OPTION_OF[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`);
      throw new UsageError(`参数无效 (invalid arguments): ${reasons.join('; ')}`);
    }
    config(); // a configuration mistake is reported before the password prompt
    const chosen = await choosePassword(values.password, io);
    const user = await database(({ db }) => createUser(db, SYSTEM_ACTOR, { ...checked.data, password: chosen.password }));
    const scopes = user.scopes.map((s) => `${s.kind}:${s.ref}`).join(', ') || '-';
    io.out(`已创建用户 (created user) ${user.username} (${user.displayName})，角色 (role) ${user.role}，数据范围 (scopes) ${scopes}`);
    const line = generatedPasswordLine(chosen);
    if (line) io.out(line);
  },
});
