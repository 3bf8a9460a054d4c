import type { ChainListItem } from '../../../../shared/contracts/chains';

/** Whether a chain matches the search text (code, name, chief, office) and the industry filter. */
export function matchesChain(chain: ChainListItem, q: string, industry: string | undefined): boolean {
  if (industry !== undefined && chain.industryCode !== industry) return false;
  if (q === '') return true;
  const needle = q.toLowerCase();
  return [chain.code, chain.name, chain.chiefTitle ?? '', chain.office ?? ''].some((text) => text.toLowerCase().includes(needle));
}
