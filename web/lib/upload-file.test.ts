import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { acceptSuccess } from './upload-file';

describe('acceptSuccess', () => {
  const report = z.object({ written: z.boolean(), rows: z.number().int() });
  const accept = acceptSuccess(report);

  it('takes a 2xx answer that is the expected report', () => {
    expect(accept(200, { written: true, rows: 12 })).toEqual({ written: true, rows: 12 });
    expect(accept(201, { written: false, rows: 0 })).toEqual({ written: false, rows: 0 });
  });

  it('leaves an error status, or an answer of another shape, to the error handling', () => {
    expect(accept(400, { written: false, rows: 3 })).toBeUndefined();
    expect(accept(200, { error: 'validation_failed' })).toBeUndefined();
  });
});
