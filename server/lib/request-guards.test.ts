// One error format for every answer, NUL bytes refused, LIKE wildcards literal, and the
// Origin/Referer check on writes (issue 9, finding 7).
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/app.js';
import { buildUser } from '../test/factories/common.js';
import { isOwnOrigin } from './request-guards.js';

const t = useTestApp({ users: { admin: { role: 'admin' } } });
const { admin } = t.users;

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: admin.headers });

/** The one error body: `{ error: { code, message, details? } }` and nothing else. */
function expectErrorShape(body: string, code: string): { code: string; message: string } {
  const parsed: { error: { code: string; message: string } } = JSON.parse(body);
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message.length).toBeGreaterThan(5);
  return parsed.error;
}

describe('one error format', () => {
  it('answers a NUL byte in a query, a path or a JSON body with 400, not 500', async () => {
    for (const url of ['/api/users?q=%00', '/api/enterprises?q=a%00b', '/api/enterprises/%00', '/api/regions?q=%00', '/api/nothing%00']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(expectErrorShape(res.body, 'validation_failed').message, url).toContain('%00');
    }
    const nameOfE1 = async () =>
      ((await get('/api/industries')).json() as { items: { code: string; name: string }[] }).items.find((i) => i.code === 'E1')?.name;
    const before = await nameOfE1();
    const body = await t.app.inject({
      method: 'PATCH',
      url: '/api/industries/E1',
      headers: admin.headers,
      payload: { name: '有色\u0000金属' },
    });
    expect(body.statusCode, body.body).toBe(400);
    expectErrorShape(body.body, 'validation_failed');
    expect(await nameOfE1()).toBe(before);
  });

  it('answers Fastify’s own refusals in the same format: bad URL 400, too-long path 414, unknown route 404', async () => {
    const bad = await get('/api/chains/%E0%A4%A');
    expect(bad.statusCode).toBe(400);
    expect(expectErrorShape(bad.body, 'validation_failed').message).toContain('请求地址无效');
    const long = await get(`/api/enterprises/${'9'.repeat(300)}`);
    expect(long.statusCode).toBe(414);
    expectErrorShape(long.body, 'uri_too_long');
    const missing = await get('/api/no-such-thing');
    expect(missing.statusCode).toBe(404);
    expectErrorShape(missing.body, 'not_found');
  });

  it('answers a request line over the HTTP parser’s limit with 431 in the same format, over a real socket', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(`GET /api/enterprises?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      });
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString('utf8')));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expectErrorShape(raw.slice(raw.indexOf('\r\n\r\n') + 4), 'headers_too_large');
  });
});

describe('searches treat % and _ literally', () => {
  it('finds “50%” and “a_b” only where they are written', async () => {
    await buildUser(t.database.db, { username: 'pct-user', displayName: '完成率50%专员' });
    await buildUser(t.database.db, { username: 'pct-other', displayName: '完成率500专员' });
    await buildUser(t.database.db, { username: 'a_b.user', displayName: '下划线' });
    await buildUser(t.database.db, { username: 'axb.user', displayName: '无下划线' });
    const names = async (q: string) =>
      (await get(`/api/users?q=${encodeURIComponent(q)}`)).json().items.map((u: { username: string }) => u.username);
    expect(await names('50%')).toEqual(['pct-user']);
    expect(await names('a_b')).toEqual(['a_b.user']);
    expect(await names('%')).toEqual(['pct-user']);
  });
});

describe('Origin and Referer on writes', () => {
  const patch = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'PATCH',
      url: '/api/industries/E2',
      headers: { ...admin.headers, host: 'cc.example.gov.cn', ...headers },
      payload: { name: '电力能源' },
    });

  it('refuses a write whose Origin, or whose Referer when there is no Origin, is another site, with 403 naming it', async () => {
    const evil = await patch({ origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(expectErrorShape(evil.body, 'forbidden').message).toContain('https://evil.example');
    expect((await patch({ referer: 'https://evil.example/page' })).statusCode).toBe(403);
    expect((await patch({ origin: 'null' })).statusCode).toBe(403);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { username: 'x', password: 'y' },
    });
    expect(login.statusCode).toBe(403);
  });

  it('lets a write from this server through (Origin host equal to Host, any scheme; or a same-site Referer; or neither header)', async () => {
    expect((await patch({ origin: 'https://cc.example.gov.cn' })).statusCode).toBe(200);
    expect((await patch({ origin: 'http://cc.example.gov.cn' })).statusCode).toBe(200);
    expect((await patch({ referer: 'https://cc.example.gov.cn/industries' })).statusCode).toBe(200);
    expect((await patch({})).statusCode).toBe(200);
  });

  it('compares with PUBLIC_ORIGIN exactly when it is set', () => {
    expect(isOwnOrigin('https://cc.example.gov.cn', ['https://cc.example.gov.cn'], 'internal:3000')).toBe(true);
    expect(isOwnOrigin('http://cc.example.gov.cn', ['https://cc.example.gov.cn'], 'cc.example.gov.cn')).toBe(false);
    expect(isOwnOrigin('http://localhost:3000', [], 'localhost:3000')).toBe(true);
    expect(isOwnOrigin('http://localhost:3001', [], 'localhost:3000')).toBe(false);
  });
});
