import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../paths.js';
import { useTestApp } from '../../test/app.js';
import { REFERENCE_PARKS, REFERENCE_REGIONS } from './reference-data.js';

const t = useTestApp({ users: {} });

/** The statements of the migration that gives databases seeded before one name per park. */
function migrationStatements(): string[] {
  const text = readFileSync(path.join(ROOT, 'drizzle/0019_park_names_demo_masters.sql'), 'utf8');
  return text
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter((s) => s.replace(/^--.*$/gm, '').trim() !== '');
}

describe('one name per park', () => {
  it('gives every park one full and one short name, and a function zone the name of its park', () => {
    expect(new Set(REFERENCE_PARKS.map((p) => p.name)).size).toBe(REFERENCE_PARKS.length);
    expect(new Set(REFERENCE_PARKS.map((p) => p.short)).size).toBe(REFERENCE_PARKS.length);
    const gaoxin = REFERENCE_PARKS.find((p) => p.short === '衡阳高新区');
    expect(gaoxin).toMatchObject({ name: '衡阳高新技术产业开发区', region: '430472' });
    for (const zone of REFERENCE_REGIONS.functionZones) {
      const park = REFERENCE_PARKS.find((p) => p.region === zone.code);
      expect(park?.name, zone.code).toBe(zone.name);
    }
    const codes = new Set([...REFERENCE_REGIONS.divisions, ...REFERENCE_REGIONS.functionZones].map((r) => r.code));
    for (const park of REFERENCE_PARKS) expect(codes.has(park.region), park.name).toBe(true);
  });

  it('renames and moves the parks of a database seeded with the old reference data, and leaves edited rows alone', async () => {
    const { db } = t.database;
    // The state the old reference data seeded: 高新区 in 蒸湘区, its zone under a second name; 综保区 edited since.
    await db.execute(sql`UPDATE regions SET name = '湖南衡阳高新技术产业园区' WHERE code = '430472'`);
    await db.execute(sql`UPDATE parks SET region_code = '430408' WHERE short_name = '衡阳高新区'`);
    await db.execute(sql`UPDATE parks SET region_code = '430405' WHERE short_name = '衡阳综保区'`);
    for (const statement of migrationStatements()) await db.execute(sql.raw(statement));
    const zone = await db.execute<{ name: string }>(sql`SELECT name FROM regions WHERE code = '430472'`);
    expect(zone.rows[0]?.name).toBe('衡阳高新技术产业开发区');
    const parks = await db.execute<{ short_name: string; region_code: string }>(
      sql`SELECT short_name, region_code FROM parks WHERE short_name IN ('衡阳高新区', '衡阳综保区') ORDER BY short_name`,
    );
    expect(parks.rows).toEqual([
      { short_name: '衡阳综保区', region_code: '430405' },
      { short_name: '衡阳高新区', region_code: '430472' },
    ]);
  });
});
