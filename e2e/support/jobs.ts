import { expect, type APIRequestContext } from '@playwright/test';
import { IMPORT_COLUMNS } from '../../shared/contracts/enterprises.js';
import { makeUscc } from '../../shared/uscc.js';

/**
 * Keeps the server's job queue busy with a check (dry run, nothing written) of a large enterprise file
 * started through the API by the admin whose session is in `request`: jobs started after it wait their
 * turn (one job at a time per instance), so a test sees them queued and running, also across a reload.
 */
export async function occupyJobQueue(request: APIRequestContext, csrfToken: string, rows = 30_000): Promise<string> {
  const lines = [IMPORT_COLUMNS.join(',')];
  for (let i = 0; i < rows; i += 1) {
    const uscc = makeUscc(`91430400${String(20_000_000 + i)}`);
    lines.push([uscc, `排队占位企业${i}有限公司`, '衡阳高新区', '衡阳高新区', '3821', '2024', 'CH02:xfmr', '否', '否', '否'].join(','));
  }
  const response = await request.post('/api/jobs/enterprises-import?dryRun=true', {
    headers: { 'X-CSRF-Token': csrfToken },
    multipart: { file: { name: 'queue.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) } },
  });
  expect(response.status(), await response.text()).toBe(202);
  return ((await response.json()) as { id: string }).id;
}
