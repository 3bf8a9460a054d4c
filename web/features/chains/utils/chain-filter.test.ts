import { describe, expect, it } from 'vitest';
import type { ChainListItem } from '../../../../shared/contracts/chains';
import { matchesChain } from './chain-filter';

const chain = (over: Partial<ChainListItem>): ChainListItem => ({
  code: 'CH02',
  name: '输变电装备产业链',
  industryCode: 'IND02',
  nodeCount: 10,
  enterpriseCount: 0,
  aboveScaleCount: 0,
  industryName: '输变电装备',
  industryGroup: '两电',
  validFromYear: 2022,
  validToYear: null,
  chiefTitle: '市人民政府副市长',
  office: '市工业和信息化局',
  sortOrder: 2,
  version: 1,
  ...over,
});

describe('matchesChain', () => {
  it('matches everything with no search and no industry', () => {
    expect(matchesChain(chain({}), '', undefined)).toBe(true);
  });

  it('finds the search text in the code (any case), name, chief or office', () => {
    expect(matchesChain(chain({}), 'ch02', undefined)).toBe(true);
    expect(matchesChain(chain({}), '输变电', undefined)).toBe(true);
    expect(matchesChain(chain({}), '副市长', undefined)).toBe(true);
    expect(matchesChain(chain({}), '工业和信息化', undefined)).toBe(true);
    expect(matchesChain(chain({}), '新能源', undefined)).toBe(false);
    expect(matchesChain(chain({ chiefTitle: null, office: null }), '副市长', undefined)).toBe(false);
  });

  it('keeps only the chains of the chosen industry, together with the search', () => {
    expect(matchesChain(chain({}), '', 'IND02')).toBe(true);
    expect(matchesChain(chain({}), '', 'IND07')).toBe(false);
    expect(matchesChain(chain({}), '输变电', 'IND07')).toBe(false);
  });
});
