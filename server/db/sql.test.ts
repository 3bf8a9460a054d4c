import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseRows } from './sql.js';

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
