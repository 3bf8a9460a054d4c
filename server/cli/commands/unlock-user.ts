import { loadConfig } from '../../config.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { unlockUser } from '../../modules/users/users.service.js';
import { withDatabase } from '../database.js';
import { parseCommandArgs, requirePositionals, requireValue, type Command } from '../io.js';

const usage = 'unlock-user --username U';

export const unlockUserCommand: Command = {
  name: 'unlock-user',
  usage,
  summary: '解锁因连续登录失败而锁定的账号 (unlock an account locked by failed logins)',
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs(args, { username: { type: 'string' } }, usage);
    requirePositionals(positionals, [], usage);
    const username = requireValue(values.username, '--username', usage);
    const config = loadConfig(io.env);
    await withDatabase(config, { migrate: true }, (database) => unlockUser(database.db, SYSTEM_ACTOR, { username }));
    io.out(`已解锁 ${username}，可以重新登录 (${username} unlocked; it can log in again)`);
  },
};
