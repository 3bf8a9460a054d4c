// The demo's 五单 rows (示例): on each chain, a fictional target company on each of its first two nodes
// without a local firm (缺链) and one fictional research result on the first. Names say 示例; the rows
// carry is_demo. Deterministic: the same nodes and names on every seed.
import { groupBy } from '../../../shared/arrays.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { selectNodesWithoutFirms } from './chains.lists.queries.js';
import { prospects } from './chains.prospects.js';
import { research } from './chains.research.js';

const PLACES = ['江苏省苏州市', '广东省深圳市', '浙江省宁波市', '上海市嘉定区', '湖北省武汉市', '四川省成都市'] as const;
const HOLDERS = [
  { holder: '示例理工大学', holderKind: 'university' },
  { holder: '示例材料研究院', holderKind: 'institute' },
] as const;

/** Writes the demo's target companies and research results; answers how many rows it wrote. */
export async function seedDemoChainLists(db: Db, actor: Actor): Promise<number> {
  const byChain = groupBy(await selectNodesWithoutFirms(db), (node) => node.chainCode);
  let written = 0;
  let n = 0;
  for (const [code, nodes] of byChain) {
    for (const node of nodes.slice(0, 2)) {
      const place = PLACES[n % PLACES.length] ?? PLACES[0];
      n++;
      const input = {
        nodeKey: node.key,
        name: `示例${node.name}科技有限公司（示例）`,
        uscc: null,
        location: place,
        products: `${node.name}相关产品（示例）`,
        source: '示例：行业协会名录',
        note: '示例数据，企业为虚构',
      };
      await prospects.create(db, actor, code, input, true);
      written++;
    }
    const first = nodes[0];
    if (first) {
      const holder = HOLDERS[n % HOLDERS.length] ?? HOLDERS[0];
      const result = {
        nodeKey: first.key,
        title: `示例${first.name}关键工艺（示例）`,
        ...holder,
        field: first.name,
        maturity: 'pilot' as const,
      };
      await research.create(db, actor, code, { ...result, contact: '示例联系人', transferStatus: 'open' }, true);
      written++;
    }
  }
  return written;
}
