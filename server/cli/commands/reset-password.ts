import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { resetPassword } from '../../modules/users/users.service.js';
import { defineCommand } from '../command.js';
import { choosePassword, generatedPasswordLine } from '../password.js';

export const resetPasswordCommand = defineCommand({
  name: 'reset-password',
  usage: 'reset-password --username U [--password P]',
  summary: '重置密码并结束该用户的全部会话 (reset a password and end the user’s sessions)',
  options: { username: { type: 'string' }, password: { type: 'string' } },
  run: async ({ values, io, required, config, database }) => {
    const username = required('username');
    config(); // a configuration mistake is reported before the password prompt
    const chosen = await choosePassword(values.password, io);
    await database(({ db }) => resetPassword(db, SYSTEM_ACTOR, { username }, chosen.password));
    io.out(`已重置 ${username} 的密码，其会话均已结束 (password of ${username} reset; all of its sessions ended)`);
    const line = generatedPasswordLine(chosen);
    if (line) io.out(line);
  },
});
