import { loadConfig } from '../../config.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { resetPassword } from '../../modules/users/users.service.js';
import { withDatabase } from '../database.js';
import { parseCommandArgs, requirePositionals, requireValue, type Command } from '../io.js';
import { choosePassword, generatedPasswordLine } from '../password.js';

const usage = 'reset-password --username U [--password P]';

export const resetPasswordCommand: Command = {
  name: 'reset-password',
  usage,
  summary: '重置密码并结束该用户的全部会话 (reset a password and end the user’s sessions)',
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs(args, { username: { type: 'string' }, password: { type: 'string' } }, usage);
    requirePositionals(positionals, [], usage);
    const username = requireValue(values.username, '--username', usage);
    const config = loadConfig(io.env);
    const chosen = await choosePassword(values.password, io);
    await withDatabase(config, { migrate: true }, (database) => resetPassword(database.db, SYSTEM_ACTOR, { username }, chosen.password));
    io.out(`已重置 ${username} 的密码，其会话均已结束 (password of ${username} reset; all of its sessions ended)`);
    const line = generatedPasswordLine(chosen);
    if (line) io.out(line);
  },
};
