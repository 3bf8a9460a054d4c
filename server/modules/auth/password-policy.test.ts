// The password rule (issue 9, finding 5): 10 characters or more, not blank, not the username, not
// in the shipped list of common passwords (case-insensitively, trailing digits and marks ignored);
// on create-user and reset-password through the API.
import { describe, expect, it } from 'vitest';
import { loginAs, useTestApp } from '../../test/app.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories/common.js';
import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it('refuses what the outside test got through, and accepts a long uncommon one', () => {
    expect(passwordProblem('12345678', 'li')).toBe('password.error.tooShort');
    expect(passwordProblem('password', 'li')).toBe('password.error.tooShort');
    expect(passwordProblem(' '.repeat(8), 'li')).toBe('password.error.tooShort');
    expect(passwordProblem(' '.repeat(12), 'li')).toBe('password.error.blank');
    expect(passwordProblem('1234567890', 'li')).toBe('password.error.common');
    expect(passwordProblem('PassWord2024!', 'li')).toBe('password.error.common');
    expect(passwordProblem('Basketball', 'li')).toBe('password.error.common');
    expect(passwordProblem('Li-Lianzhang', 'li-lianzhang')).toBe('password.error.username');
    expect(passwordProblem('衡阳链长制工作2026', 'li')).toBeNull();
    expect(passwordProblem(TEST_PASSWORD, 'li')).toBeNull();
  });
});

describe('the password rule on the API', () => {
  const t = useTestApp({ reference: false, users: { admin: { role: 'admin' } } });
  const create = (username: string, password: string) =>
    t.send('POST', '/api/users', t.users.admin, { username, displayName: '甲', role: 'leader', password });

  it('refuses a short, a common and a username-equal password on create and reset, creating nothing', async () => {
    const short = await create('wang.wu', '12345678');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([{ path: 'body.password', message: 'at least 10 characters' }]);
    const common = await create('wang.wu', 'Password123');
    expect(common.statusCode).toBe(400);
    expect(common.json().error.message).toBe('这是常见密码，很容易被猜到，请换一个（可用几个词加数字组成的长句）');
    const same = await create('wang.wu.1234', 'Wang.Wu.1234');
    expect(same.statusCode).toBe(400);
    expect(same.json().error.message).toBe('密码不能与用户名相同');
    const users = await t.database.pool.query(`SELECT count(*)::int AS n FROM users WHERE username LIKE 'wang.wu%'`);
    expect(users.rows[0].n).toBe(0);

    const user = await buildUser(t.database.db, { role: 'leader' });
    const reset = await t.send('POST', `/api/users/${user.id}/password`, t.users.admin, { password: 'qwertyuiop' }, 'en');
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.message).toContain('common password');
    await loginAs(t.app, user.username, TEST_PASSWORD);
  });
});
