import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { unlockUser } from '../../modules/users/users.service.js';
import { defineCommand } from '../command.js';

export const unlockUserCommand = defineCommand({
  name: 'unlock-user',
  usage: 'unlock-user --username U',
  summary: '解锁因连续登录失败而锁定的账号 (unlock an account locked by failed logins)',
  options: { username: { type: 'string' } },
  run: async ({ io, required, database }) => {
    const username = required('username');
    await database(({ db }) => unlockUser(db, SYSTEM_ACTOR, { username }));
    io.out(`已解锁 ${username}，可以重新登录 (${username} unlocked; it can log in again)`);
  },
});
