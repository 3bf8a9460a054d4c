// Fictional but plausible Chinese enterprise names for the demo. Every name ends with "(示例)" so
// nobody takes a demo firm for a real one.
import type { Random } from './prng.js';

export const DEMO_SUFFIX = '(示例)';

const TRADE_CHARS = [
  '华',
  '鑫',
  '盛',
  '源',
  '恒',
  '达',
  '瑞',
  '通',
  '宏',
  '远',
  '嘉',
  '兴',
  '泰',
  '丰',
  '德',
  '创',
  '联',
  '金',
  '科',
  '力',
  '正',
  '和',
  '新',
  '宇',
  '晟',
  '湘',
  '岳',
  '雁',
  '祥',
  '中',
  '天',
  '永',
  '益',
  '精',
  '博',
  '汇',
  '辰',
  '航',
  '峰',
  '信',
  '隆',
  '锦',
  '腾',
  '凯',
  '润',
  '昌',
  '旺',
  '顺',
  '茂',
  '普',
  '星',
  '晨',
  '安',
  '诚',
  '卓',
];

/** Words of a firm name by chain node (what the firm makes), chosen to match the node. */
const NODE_WORDS: Record<string, string[]> = {
  'CH01:ore': ['矿业', '铀业'],
  'CH01:rare': ['稀土', '新材料'],
  'CH01:fuel': ['核燃料'],
  'CH01:mat': ['核材料', '特种材料'],
  'CH01:instr': ['核仪器', '辐射仪器', '检测仪器'],
  'CH01:irr': ['辐照技术', '辐照'],
  'CH01:med': ['同位素', '核医学'],
  'CH01:power': ['核电设备', '核电技术'],
  'CH02:cu': ['铜业', '铜材'],
  'CH02:steel': ['硅钢', '钢构'],
  'CH02:insul': ['绝缘材料', '绝缘科技'],
  'CH02:xfmr': ['变压器', '电气', '电抗器'],
  'CH02:switch': ['开关', '电气设备', '电力设备'],
  'CH02:wire': ['电线电缆', '线缆'],
  'CH02:pe': ['电力电子'],
  'CH02:tower': ['铁塔', '电力金具'],
  'CH02:uhv': ['电力装备', '成套设备'],
  'CH02:grid': ['电力科技', '智能电气', '配电'],
  'CH03:ccl': ['电子材料', '覆铜板'],
  'CH03:comp': ['电子元件', '电子'],
  'CH03:pcb': ['电路板', '线路板'],
  'CH03:module': ['电子科技', '光电'],
  'CH03:av': ['智能视听', '声学'],
  'CH03:terminal': ['智能终端', '电脑', '信息技术'],
  'CH03:comm': ['通信设备', '通讯'],
  'CH03:sw': ['软件', '信息科技', '数据科技'],
  'CH04:mine': ['矿业'],
  'CH04:scrap': ['再生资源', '资源回收'],
  'CH04:cu': ['铜业', '冶炼'],
  'CH04:pbzn': ['铅锌', '冶炼', '有色金属'],
  'CH04:precious': ['稀贵金属', '贵金属'],
  'CH04:cuproc': ['铜材', '铜业'],
  'CH04:alloy': ['合金', '有色材料'],
  'CH04:chem': ['化工', '锌业'],
  'CH05:scrap': ['废钢', '再生资源'],
  'CH05:steel': ['钢铁', '特钢'],
  'CH05:pipe': ['钢管', '管业'],
  'CH05:deep': ['管件', '机械'],
  'CH05:energy': ['石油管材', '管业'],
  'CH05:auto': ['汽车管件', '精密管'],
  'CH05:struct': ['钢结构', '钢构'],
  'CH06:salt': ['盐业', '矿业'],
  'CH06:brine': ['盐化', '制盐'],
  'CH06:alkali': ['氯碱化工', '化工'],
  'CH06:inorg': ['芒硝', '化工'],
  'CH06:pvc': ['塑胶', '树脂'],
  'CH06:fine': ['精细化工', '化学'],
  'CH06:echem': ['电子化学品', '新材料'],
  'CH07:li': ['锂电材料', '新能源材料'],
  'CH07:cell': ['电池'],
  'CH07:pack': ['电源', '电池科技'],
  'CH07:pv': ['光伏', '光电'],
  'CH07:storage': ['储能', '能源科技'],
  'CH07:station': ['新能源', '风电'],
  'CH07:ev': ['电池回收', '再生资源'],
  'CH08:raw': ['矿产', '粉体'],
  'CH08:metal': ['铝业', '合金材料'],
  'CH08:ceramic': ['特种陶瓷'],
  'CH08:carbon': ['碳素', '石墨'],
  'CH08:polymer': ['高分子材料', '复合材料'],
  'CH08:part': ['新材料', '材料科技'],
  'CH09:herb': ['中药材', '药业'],
  'CH09:api': ['药业', '化学制药'],
  'CH09:tcm': ['中药', '制药'],
  'CH09:drug': ['制药', '药业'],
  'CH09:device': ['医疗器械', '医疗科技'],
  'CH09:bio': ['生物制药'],
  'CH09:dist': ['医药', '健康产业'],
  'CH10:mat': ['铸锻', '锻造'],
  'CH10:elec': ['汽车电子'],
  'CH10:power': ['动力', '油泵'],
  'CH10:chassis': ['汽车零部件', '车桥'],
  'CH10:ctrl': ['车灯', '电控'],
  'CH10:vehicle': ['专用汽车', '汽车'],
  'CH10:after': ['汽车服务', '再生资源'],
  'CH11:cast': ['铸造', '机械'],
  'CH11:machine': ['机械', '重工'],
  'CH11:mining': ['矿山机械', '冶金设备'],
  'CH11:line': ['智能装备', '自动化'],
  'CH11:service': ['再制造', '装备技术'],
  'CH12:fiber': ['纺织', '纱业'],
  'CH12:fabric': ['织造', '印染'],
  'CH12:apparel': ['服饰', '制衣'],
  'CH12:home': ['家纺', '织品'],
  'CH12:shoe': ['鞋业'],
  'CH13:farm': ['农业', '油茶'],
  'CH13:oil': ['茶油', '油脂'],
  'CH13:grain': ['粮油', '米业'],
  'CH13:meat': ['食品', '肉类'],
  'CH13:brand': ['食品', '饮品'],
  'CH13:cold': ['冷链'],
  'CH14:part': ['精密机械', '钟表配件'],
  'CH14:case': ['表业', '五金'],
  'CH14:assy': ['钟表'],
  'CH14:smart': ['智能穿戴'],
  'CH14:brand': ['钟表'],
  'CH15:mineral': ['矿业', '非金属材料'],
  'CH15:cement': ['水泥', '建材'],
  'CH15:ceramic': ['陶瓷'],
  'CH15:prefab': ['建筑科技', '装配式建筑'],
  'CH15:deco': ['装饰材料'],
};

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
