-- One name per park (issue 15), for databases seeded before: the 高新区 function zone (430472) takes its park's full
-- name (it was also called 湖南衡阳高新技术产业园区), and the three parks with a statistical function-zone code are
-- placed in that zone, where their firms are counted (server/db/seed/parks.json). Only rows as first seeded change:
-- a name or region someone edited since is left alone.
UPDATE regions SET name = '衡阳高新技术产业开发区', version = version + 1, updated_at = now()
  WHERE code = '430472' AND name = '湖南衡阳高新技术产业园区' AND NOT EXISTS (SELECT 1 FROM regions WHERE name = '衡阳高新技术产业开发区');--> statement-breakpoint
UPDATE parks SET region_code = '430472', version = version + 1, updated_at = now()
  WHERE name = '衡阳高新技术产业开发区' AND region_code = '430408' AND EXISTS (SELECT 1 FROM regions WHERE code = '430472');--> statement-breakpoint
UPDATE parks SET region_code = '430471', version = version + 1, updated_at = now()
  WHERE name = '衡阳综合保税区' AND region_code = '430406' AND EXISTS (SELECT 1 FROM regions WHERE code = '430471');--> statement-breakpoint
UPDATE parks SET region_code = '430473', version = version + 1, updated_at = now()
  WHERE name = '湖南衡阳松木经济开发区' AND region_code = '430407' AND EXISTS (SELECT 1 FROM regions WHERE code = '430473');--> statement-breakpoint
-- The demo's chain masters take the fictional names of the shared reference (chains.json); demo firms only.
UPDATE enterprises SET name = '衡核铀业(示例)', version = version + 1, updated_at = now() WHERE is_demo AND name = '雁城核燃料元件(示例)';--> statement-breakpoint
UPDATE chains SET chain_masters = array_replace(chain_masters, '雁城核燃料元件(示例)', '衡核铀业(示例)') WHERE code = 'CH01' AND '雁城核燃料元件(示例)' = ANY (chain_masters);--> statement-breakpoint
UPDATE enterprises SET name = '雁城核材料(示例)', version = version + 1, updated_at = now() WHERE is_demo AND name = '雁城稀有金属材料(示例)';--> statement-breakpoint
UPDATE chains SET chain_masters = array_replace(chain_masters, '雁城稀有金属材料(示例)', '雁城核材料(示例)') WHERE code = 'CH01' AND '雁城稀有金属材料(示例)' = ANY (chain_masters);--> statement-breakpoint
UPDATE enterprises SET name = '衡州变压器(示例)', version = version + 1, updated_at = now() WHERE is_demo AND name = '雁峰输变电设备(示例)';--> statement-breakpoint
UPDATE chains SET chain_masters = array_replace(chain_masters, '雁峰输变电设备(示例)', '衡州变压器(示例)') WHERE code = 'CH02' AND '雁峰输变电设备(示例)' = ANY (chain_masters);--> statement-breakpoint
UPDATE enterprises SET name = '雁城精密电子(示例)', version = version + 1, updated_at = now() WHERE is_demo AND name = '回雁智能终端制造(示例)';--> statement-breakpoint
UPDATE chains SET chain_masters = array_replace(chain_masters, '回雁智能终端制造(示例)', '雁城精密电子(示例)') WHERE code = 'CH03' AND '回雁智能终端制造(示例)' = ANY (chain_masters);--> statement-breakpoint
UPDATE enterprises SET name = '湘南有色冶炼(示例)', version = version + 1, updated_at = now() WHERE is_demo AND name = '湘南铅锌冶炼(示例)';--> statement-breakpoint
UPDATE chains SET chain_masters = array_replace(chain_masters, '湘南铅锌冶炼(示例)', '湘南有色冶炼(示例)') WHERE code = 'CH04' AND '湘南铅锌冶炼(示例)' = ANY (chain_masters);--> statement-breakpoint
UPDATE enterprises SET name = '蒸湘铜业(示例)', version = version + 1, updated_at = now() WHERE is_demo AND name = '湘南精炼铜业(示例)';--> statement-breakpoint
UPDATE chains SET chain_masters = array_replace(chain_masters, '湘南精炼铜业(示例)', '蒸湘铜业(示例)') WHERE code = 'CH04' AND '湘南精炼铜业(示例)' = ANY (chain_masters);--> statement-breakpoint
UPDATE enterprises SET name = '衡岳钢管(示例)', version = version + 1, updated_at = now() WHERE is_demo AND name = '蒸湘无缝钢管(示例)';--> statement-breakpoint
UPDATE chains SET chain_masters = array_replace(chain_masters, '蒸湘无缝钢管(示例)', '衡岳钢管(示例)') WHERE code = 'CH05' AND '蒸湘无缝钢管(示例)' = ANY (chain_masters);--> statement-breakpoint
UPDATE enterprises SET name = '衡南盐矿(示例)', version = version + 1, updated_at = now() WHERE is_demo AND name = '岣嵝岩盐开采(示例)';--> statement-breakpoint
UPDATE chains SET chain_masters = array_replace(chain_masters, '岣嵝岩盐开采(示例)', '衡南盐矿(示例)') WHERE code = 'CH06' AND '岣嵝岩盐开采(示例)' = ANY (chain_masters);--> statement-breakpoint
UPDATE enterprises SET name = '雁峰盐化(示例)', version = version + 1, updated_at = now() WHERE is_demo AND name = '松湖氯碱化工(示例)';--> statement-breakpoint
UPDATE chains SET chain_masters = array_replace(chain_masters, '松湖氯碱化工(示例)', '雁峰盐化(示例)') WHERE code = 'CH06' AND '松湖氯碱化工(示例)' = ANY (chain_masters);--> statement-breakpoint
UPDATE enterprises SET name = '衡湘储能(示例)', version = version + 1, updated_at = now() WHERE is_demo AND name = '耒水储能科技(示例)';--> statement-breakpoint
UPDATE chains SET chain_masters = array_replace(chain_masters, '耒水储能科技(示例)', '衡湘储能(示例)') WHERE code = 'CH07' AND '耒水储能科技(示例)' = ANY (chain_masters);--> statement-breakpoint
UPDATE enterprises SET name = '白沙洲轻合金(示例)', version = version + 1, updated_at = now() WHERE is_demo AND name = '洲头稀土铝合金(示例)';--> statement-breakpoint
UPDATE chains SET chain_masters = array_replace(chain_masters, '洲头稀土铝合金(示例)', '白沙洲轻合金(示例)') WHERE code = 'CH08' AND '洲头稀土铝合金(示例)' = ANY (chain_masters);--> statement-breakpoint
UPDATE enterprises SET name = '回雁动力泵业(示例)', version = version + 1, updated_at = now() WHERE is_demo AND name = '南岳汽车油泵(示例)';--> statement-breakpoint
UPDATE chains SET chain_masters = array_replace(chain_masters, '南岳汽车油泵(示例)', '回雁动力泵业(示例)') WHERE code = 'CH10' AND '南岳汽车油泵(示例)' = ANY (chain_masters);
