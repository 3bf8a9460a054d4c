/** The largest page the list endpoints serve (shared/contracts/common.ts). */
export const MAX_PAGE_SIZE = 500;

/**
 * Every item of a paged list, page by page at the largest page size: what "export to Excel" needs
 * when the table shows one page. Stops at `total` (or at an empty page).
 */
export async function fetchAllPages<T>(
  fetchPage: (page: number, pageSize: number) => Promise<{ items: readonly T[]; total: number }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page += 1) {
    const { items, total } = await fetchPage(page, MAX_PAGE_SIZE);
    all.push(...items);
    if (items.length === 0 || all.length >= total) return all;
  }
}
