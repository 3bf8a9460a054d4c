import { describe, expect, it } from 'vitest';
import { fetchAllPages, MAX_PAGE_SIZE } from './all-pages';

describe('fetchAllPages', () => {
  it('asks page after page at the largest size until it has the total', async () => {
    const rows = Array.from({ length: 1_234 }, (_, i) => i + 1);
    const asked: number[] = [];
    const all = await fetchAllPages(async (page, pageSize) => {
      asked.push(page);
      return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length };
    });
    expect(asked).toEqual([1, 2, 3]);
    expect(MAX_PAGE_SIZE).toBe(500);
    expect(all).toEqual(rows);
  });

  it('stops at an empty page even if the total said more (rows deleted meanwhile)', async () => {
    const all = await fetchAllPages(async (page) => ({ items: page === 1 ? ['a'] : [], total: 5 }));
    expect(all).toEqual(['a']);
  });
});
