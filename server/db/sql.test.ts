import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/database.js';
import { industries } from './schema.js';
import { parseRows, selectRowBy } from './sql.js';

describe('parseRows', () => {
  const row = z.object({ code: z.string(), n: z.number() });

  it('returns the rows checked against their schema', () => {
    expect(
      parseRows(
        {
          rows: [
            { code: 'CH01', n: 3 },
            { code: 'CH02', n: 0 },
          ],
        },
        row,
      ),
    ).toEqual([
      { code: 'CH01', n: 3 },
      { code: 'CH02', n: 0 },
    ]);
  });

  it('refuses a row that drifted from its type, naming the row', () => {
    // count(*) without ::int is int8: a driver without the int8 parser hands it over as text.
    expect(() =>
      parseRows(
        {
          rows: [
            { code: 'CH01', n: 3 },
            { code: 'CH02', n: '4' },
          ],
        },
        row,
      ),
    ).toThrow(/^row 1 does not match its row type/);
  });
});

describe('selectRowBy', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(industries).values([
      { code: 'T1', name: '示例核电装备', group: '一核', sortOrder: 1 },
      { code: 'T2', name: '示例电子信息', group: '两电', sortOrder: 2 },
    ]);
  });
  afterAll(async () => database.drop());

  it('answers the one row whose key column holds the value, or undefined when none does', async () => {
    expect((await selectRowBy(database.db, industries, 'code', 'T2'))?.name).toBe('示例电子信息');
    expect((await selectRowBy(database.db, industries, 'name', '示例核电装备'))?.code).toBe('T1');
    expect(await selectRowBy(database.db, industries, 'code', 'T9')).toBeUndefined();
  });

  it('reads the row locked for update inside a transaction', async () => {
    const row = await database.db.transaction((tx) => selectRowBy(tx, industries, 'code', 'T1', { forUpdate: true }));
    expect(row?.sortOrder).toBe(1);
  });
});
