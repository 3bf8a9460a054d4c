// Fictional but plausible Chinese enterprise names for the demo. Every name ends with "(示例)" so
// nobody takes a demo firm for a real one.
import namesJson from './names.json' with { type: 'json' };
import type { Random } from './prng.js';

export const DEMO_SUFFIX = '(示例)';

/** The characters two-character trade names (字号) are drawn from. */
const TRADE_CHARS: readonly string[] = namesJson.tradeChars;

/** Words of a firm name by `chainCode:nodeKey` (what the firm makes), chosen to match the node. */
const NODE_WORDS: Readonly<Record<string, readonly string[]>> = namesJson.nodeWords;

/** Words and GB/T 4754 classes of firms outside any chain (the other 规上 industries). */
export const OTHER_INDUSTRIES: readonly (readonly [string, string])[] = [
  ['纸业', '2221'],
  ['塑料制品', '2929'],
  ['包装', '2231'],
  ['印刷', '2319'],
  ['家具', '2110'],
  ['饲料', '1320'],
  ['酒业', '1512'],
  ['木业', '2021'],
];

/** Place words by region: most firms carry the city's name, some the province or their county. */
const COUNTY_PLACE: Record<string, string> = {
  '430412': '南岳',
  '430421': '衡阳县',
  '430422': '衡南县',
  '430423': '衡山县',
  '430424': '衡东县',
  '430426': '祁东县',
  '430481': '耒阳市',
  '430482': '常宁市',
};

/** A name word for a node of a chain. */
export function nodeWord(random: Random, chainCode: string, nodeKey: string): string {
  const words = NODE_WORDS[`${chainCode}:${nodeKey}`];
  if (!words) throw new Error(`no name words for ${chainCode}:${nodeKey}`);
  return random.pick(words);
}

/**
 * A unique demo name: place + two-character trade name + what it makes + legal form + "(示例)",
 * e.g. 衡阳华鑫电气有限公司(示例). `taken` collects the names already used.
 */
export function makeDemoName(random: Random, input: { regionCode: string; word: string; listed: boolean }, taken: Set<string>): string {
  const county = COUNTY_PLACE[input.regionCode];
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const place = random.weighted<string>([
      ['衡阳', 6],
      ['湖南', 2],
      [county ?? '衡阳', county ? 3 : 0],
    ]);
    const trade = random.pick(TRADE_CHARS) + random.pick(TRADE_CHARS);
    if (trade.charAt(0) === trade.charAt(1)) continue;
    const form = input.listed
      ? '股份有限公司'
      : random.weighted<string>([
          ['有限公司', 8],
          ['有限责任公司', 1],
          ['股份有限公司', 1],
        ]);
    const name = `${place}${trade}${input.word}${form}${DEMO_SUFFIX}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  throw new Error('could not find a free demo name');
}
