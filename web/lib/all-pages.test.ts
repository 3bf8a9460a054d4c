import { describe, expect, it } from 'vitest';
import { pageQuery } from '../../shared/contracts/common';
import { fetchAllPages } from './all-pages';

describe('fetchAllPages', () => {
  it('asks page after page at the largest size until it has the total', async () => {
    const rows = Array.from({ length: 1_234 }, (_, i) => i + 1);
    const asked: [number, number][] = [];
    const all = await fetchAllPages(async (page, pageSize) => {
      asked.push([page, pageSize]);
      return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length };
    });
    expect(asked).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
    ]);
    expect(all).toEqual(rows);
  });

  it('asks the largest page the list endpoints accept, no larger', async () => {
    let asked = 0;
    await fetchAllPages(async (_page, pageSize) => {
      asked = pageSize;
      return { items: [], total: 0 };
    });
    expect(pageQuery.safeParse({ pageSize: asked }).success).toBe(true);
    expect(pageQuery.safeParse({ pageSize: asked + 1 }).success).toBe(false);
  });

  it('stops at an empty page even if the total said more (rows deleted meanwhile)', async () => {
    const all = await fetchAllPages(async (page) => ({ items: page === 1 ? ['a'] : [], total: 5 }));
    expect(all).toEqual(['a']);
  });
});
