// Factories and helpers of the enterprise tests, and the files every import test sends: valid USCCs
// (one at a time, or a numbered run for bulk tests), firms created through the service, a multipart body
// for app.inject and a file posted with it, an xlsx read back or filled in, and the reference parks' ids.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { CreateEnterpriseRequest, EnterpriseProfile, UpdateEnterpriseRequest } from '../../../shared/contracts/enterprises.js';
import { makeUscc } from '../../../shared/uscc.js';
import type { Db } from '../../db/client.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { createEnterprise } from '../../modules/enterprises/enterprises.service.js';
import type { Session } from '../app.js';

let counter = 0;

/** A valid, unique USCC registered in `region` (a random body, so test files never collide). */
export function nextUscc(region = '430421'): string {
  counter += 1;
  const body = `${crypto.randomInt(10, 99)}${String(counter).padStart(6, '0')}`;
  return makeUscc(`91${region}${body}`);
}

/** `count` valid USCCs registered in 衡阳县, their bodies numbered from `first` (8 digits): firms for bulk tests. */
export function bulkUsccs(count: number, first: number): string[] {
  return Array.from({ length: count }, (_, i) => makeUscc(`91430421${String(first + i)}`));
}

/** The body fields of a factory-made firm but its USCC and name: 衡阳县, no park, CH02 xfmr primary, 规上 2024, no flags. */
export const ENTERPRISE_DEFAULTS = {
  regionCode: '430421',
  parkId: null,
  gbt4754Code: '3821',
  isChainMaster: false,
  isSpecialized: false,
  isHighTech: false,
  isListed: false,
  aboveScaleYears: [2024],
  memberships: [{ chainCode: 'CH02', nodeKey: 'xfmr', isPrimary: true }],
} satisfies Omit<CreateEnterpriseRequest, 'uscc' | 'name'>;

/** A firm's profile as the edit form sends it back (its current memberships), with `changes`. */
export function editBodyOf(p: EnterpriseProfile, changes: Partial<UpdateEnterpriseRequest> = {}): UpdateEnterpriseRequest {
  return {
    name: p.name,
    regionCode: p.regionCode,
    parkId: p.parkId,
    gbt4754Code: p.gbt4754Code,
    isChainMaster: p.isChainMaster,
    isSpecialized: p.isSpecialized,
    isHighTech: p.isHighTech,
    isListed: p.isListed,
    aboveScaleYears: p.aboveScaleYears,
    memberships: p.memberships
      .filter((m) => m.validToYear === null)
      .map((m) => ({ chainCode: m.chainCode, nodeKey: m.nodeKey, isPrimary: m.isPrimary })),
    ...changes,
  };
}

/** Creates a firm through the service (audited like any other); {@link ENTERPRISE_DEFAULTS} unless overridden. */
export async function buildEnterprise(db: Db, overrides: Partial<CreateEnterpriseRequest> = {}): Promise<EnterpriseProfile> {
  const regionCode = overrides.regionCode ?? ENTERPRISE_DEFAULTS.regionCode;
  return createEnterprise(db, SYSTEM_ACTOR, {
    ...ENTERPRISE_DEFAULTS,
    uscc: nextUscc(regionCode),
    name: `测试企业${counter}有限公司`,
    ...overrides,
  });
}

/** The id of a park by its short name (the reference data's ids depend on insertion order). */
export async function parkIdOf(db: Db, shortName: string): Promise<number> {
  const result = await db.execute<{ id: number }>(sql`SELECT id FROM parks WHERE short_name = ${shortName}`);
  const id = result.rows[0]?.id;
  if (id === undefined) throw new Error(`no park ${shortName}`);
  return id;
}

/** A multipart/form-data body with one file field, as a browser sends it. */
export function multipartFile(
  fileName: string,
  data: Buffer,
  contentType = 'application/octet-stream',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----cc${crypto.randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Posts one file (multipart, field `file`) to `url` as `session`, in `locale` when given (the `X-Locale` the web sends). */
export function postFile(app: FastifyInstance, session: Session, url: string, fileName: string, data: Buffer, locale?: string) {
  const body = multipartFile(fileName, data);
  const headers = { ...session.headers, ...body.headers, ...(locale ? { 'x-locale': locale } : {}) };
  return app.inject({ method: 'POST', url, headers, payload: body.payload });
}

/** Reads an xlsx file (a downloaded template or export) back as a workbook. */
export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(data).buffer);
  return workbook;
}

/** Fills a downloaded template's first sheet: the header kept, the example row replaced by `rows`. */
export async function filledTemplate(template: Buffer, rows: (string | number)[][]): Promise<Buffer> {
  const workbook = await loadWorkbook(template);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the template has no sheet');
  sheet.spliceRows(2, 1);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
