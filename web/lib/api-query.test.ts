import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiQueryKey, defineApiQuery } from './api-query';

afterEach(() => vi.unstubAllGlobals());

const listQuery = z.object({ q: z.string().optional(), page: z.coerce.number().int().min(1), kind: z.enum(['a', 'b']).optional() });
const listResponse = z.object({ items: z.array(z.object({ name: z.string() })), total: z.number().int() });

describe('defineApiQuery', () => {
  it('asks the endpoint with the parameters that have a value and checks the answer against the contract', async () => {
    const fetch = vi.fn().mockResolvedValue(new Response(JSON.stringify({ items: [{ name: '示例园区' }], total: 1 }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const parks = defineApiQuery('/api/parks', listQuery, listResponse);

    await expect(parks.get({ q: '高新', page: 2, kind: undefined })).resolves.toEqual({ items: [{ name: '示例园区' }], total: 1 });
    expect(fetch.mock.calls[0]?.[0]).toBe(`/api/parks?q=${encodeURIComponent('高新')}&page=2`);
  });

  it('refuses an answer that does not match the contract', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({ items: 'none' }), { status: 200 })));
    const parks = defineApiQuery('/api/parks', listQuery, listResponse);
    await expect(parks.get({ page: 1 })).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('keys the answers by the path, list and the parameters, so a mutation refreshes them by prefix', () => {
    expect(apiQueryKey('/api/parks', { page: 1 })).toEqual(['parks', 'list', { page: 1 }]);
    expect(apiQueryKey('/api/monitoring/enterprises', { chain: 'C01' })).toEqual(['monitoring', 'enterprises', 'list', { chain: 'C01' }]);
    const parks = defineApiQuery('/api/parks', listQuery, listResponse);
    expect(parks.options({ page: 3 }).queryKey).toEqual(['parks', 'list', { page: 3 }]);
  });
});
